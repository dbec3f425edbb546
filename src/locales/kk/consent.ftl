# Consents: to register (rsvp.ftl), before a first idea (ideas.ftl) or contest entry (contest.ftl).
consent-agree = ✅ Келісемін
consent-changed = Келісім мәтіні өзгерді: төмендегі жаңа мәтінді оқып шығыңыз.
