# Consents: to register (rsvp.ftl), before a first idea (ideas.ftl) or contest entry (contest.ftl).
consent-agree = ✅ I agree
consent-changed = The consent text has changed: please read the new one below.
