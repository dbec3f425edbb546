# Consents: to register (rsvp.ftl), before a first idea (ideas.ftl) or contest entry (contest.ftl).
consent-agree = ✅ Келісемін
# Text sent while a consent above waits for its buttons.
consent-pending = 👆 Алдымен жоғарыдағы келісімге жауап беріңіз: жалғастыру үшін «{ $agree }», болмаса «{ $cancel }» батырмасын басыңыз.
consent-changed = Келісім мәтіні өзгерді: төмендегі жаңа мәтінді оқып шығыңыз.
