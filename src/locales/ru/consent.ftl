# Consents: to register (rsvp.ftl), before a first idea (ideas.ftl) or contest entry (contest.ftl).
consent-agree = ✅ Даю согласие
# Text sent while a consent above waits for its buttons.
consent-pending = 👆 Сначала ответьте на согласие выше: нажмите «{ $agree }», чтобы продолжить, или «{ $cancel }».
consent-changed = Текст согласия изменился: прочитайте, пожалуйста, новый текст ниже.
