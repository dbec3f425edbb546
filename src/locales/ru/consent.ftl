# Consents: to register (rsvp.ftl), before a first idea (ideas.ftl) or contest entry (contest.ftl).
consent-agree = ✅ Даю согласие
consent-changed = Текст согласия изменился: прочитайте, пожалуйста, новый текст ниже.
