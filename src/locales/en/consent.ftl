# Consents: to register (rsvp.ftl), before a first idea (ideas.ftl) or contest entry (contest.ftl).
consent-agree = ✅ I agree
# Text sent while a consent above waits for its buttons.
consent-pending = 👆 First answer the consent above: tap “{ $agree }” to go on, or “{ $cancel }”.
consent-changed = The consent text has changed: please read the new one below.
