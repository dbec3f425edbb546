# Хабарламалар мен еске салғыштар (қазақша)

## Тарату барысы және есептер (ұйымдастырушыға)
broadcast-progress =
    📣 <b>«{ $excerpt }» { $kind ->
        [reminder] еске салуы
       *[other] хабарламасы
    }</b>
    Жіберілді: { $sent } · қате: { $failed } · бұғаттағандар: { $blocked }
    Қалды: { $total } ішінен { $remaining }
    Жылдамдық: { $rate } хабар/с · қалған уақыт: { $eta }
broadcast-report-done =
    ✅ <b>«{ $excerpt }» { $kind ->
        [reminder] еске салуы жіберілді
       *[other] хабарламасы таратылып болды
    }</b>
    Жіберілді: { $sent } · қате: { $failed } · ботты бұғаттағандар: { $blocked } ({ $total } ішінен)
broadcast-report-cancelled =
    ⛔ <b>«{ $excerpt }» { $kind ->
        [reminder] еске салуын жіберу тоқтатылды
       *[other] хабарламасын тарату тоқтатылды
    }</b>
    Жіберілді: { $sent } · қате: { $failed } · ботты бұғаттағандар: { $blocked } · жіберілмеді: { $remaining } ({ $total } ішінен)
broadcast-stop-button = ⛔ Таратуды тоқтату
broadcast-stopped = Тарату тоқтатылды.
broadcast-not-running = Бұл хабарлама енді таратылып жатқан жоқ.

## /broadcast
broadcast-ask-mode =
    📣 <b>Жаңа хабарлама</b>
    Барлығына бір хабарлама ма, әлде әр тілге бөлек пе?
broadcast-mode-one = Барлығына бір хабарлама
broadcast-mode-per-language = Әр тілге бөлек
broadcast-ask-message = Хабарламаны жіберіңіз: мәтін (қалың, көлбеу қаріп пен сілтемелер сақталады) немесе жазуы бар фото.
broadcast-ask-message-in = <b>{ $language ->
        [ru] Орыс
        [en] Ағылшын
       *[kk] Қазақ
    } тіліндегі</b> хабарламаны жіберіңіз: мәтін немесе жазуы бар фото.
broadcast-message-hint = Мұнда мәтін немесе жазуы бар фото керек (стикер, дауыстық хабарлама не файл емес).
broadcast-message-too-long = Бір хабарлама үшін тым ұзын ({ $length } таңба, ең көбі { $max }). Қысқартыңыз.
broadcast-ask-audience = Кімге жіберу керек?
broadcast-audience-all = Ботты іске қосқандардың барлығына
broadcast-audience-confirmed = Тіркелгендерге (расталғандарға)
broadcast-audience-waitlisted = Күту тізіміндегілерге
broadcast-audience-not_registered = Тіркелмегендерге
broadcast-audience-contest_entrants = Байқау қатысушыларына
broadcast-audience-idea_authors = Идея авторларына
broadcast-choose-hint = Батырмаларды пайдаланыңыз.
broadcast-preview =
    👆 <b>Алдын ала қарау</b>: { $language ->
        [all] хабарламаны барлық алушы осылай көреді.
        [ru] хабарламаны орыс тілін таңдаған алушылар осылай көреді; қалғандары сіз жоғарыда жіберген нұсқаларды алады.
        [en] хабарламаны ағылшын тілін таңдаған алушылар осылай көреді; қалғандары сіз жоғарыда жіберген нұсқаларды алады.
       *[kk] хабарламаны қазақ тілін таңдаған алушылар осылай көреді; қалғандары сіз жоғарыда жіберген нұсқаларды алады.
    }
    Кімге: <b>{ $audience }</b> — қазір { $count } адам (жіберу сәтінде қайта саналады).
    Қазір жіберу керек пе, әлде уақытын белгілеу керек пе?
broadcast-send-now = 🚀 Қазір жіберу
broadcast-schedule = 🕒 Уақытын белгілеу
broadcast-ask-time = Уақытты іс-шараның уақыт белдеуінде ({ $zone }) <code>ЖЖЖЖ-АА-КК СС:мм</code> түрінде жазыңыз, мысалы <code>{ $example }</code>.
broadcast-time-hint = Түсіне алмадым. Уақытты <code>ЖЖЖЖ-АА-КК СС:мм</code> түрінде жазыңыз, мысалы <code>{ $example }</code>.
broadcast-time-past = Бұл уақыт өтіп кетті. Алдағы уақытты көрсетіңіз.
broadcast-started = 🚀 { $count } алушыға жіберіліп жатыр. Барысы төменде.
broadcast-scheduled = 🕒 { $when } ({ $zone }) уақытына жоспарланды. Одан бас тарту үшін /broadcasts ашыңыз.
broadcast-cancelled = Таратудан бас тартылды, ештеңе жіберілген жоқ.
broadcast-duplicate = Бұл хабарлама кезекке әлдеқашан қойылған.

## /broadcasts
broadcast-list-title = 📣 <b>Хабарламалар</b> (алдымен жаңалары)
broadcast-list-empty = Әзірге хабарлама жоқ. /broadcast арқылы бастаңыз.
broadcast-list-item = { $status } <b>{ $name }</b> · { $when } · { $audience } · жіберілді { $sent }, қате { $failed }, бұғаттағандар { $blocked }{ $total }
broadcast-status-scheduled = 🕒
broadcast-status-sending = 📤
broadcast-status-done = ✅
broadcast-status-cancelled = ⛔
broadcast-status-skipped = ⏭
broadcast-drop-button = ❌ Бас тарту: { $name }
broadcast-dropped = Бас тартылды: { $name }.
broadcast-name = «{ $excerpt }» { $kind ->
        [reminder] еске салуы
       *[other] хабарламасы
    }

## The form's name, as the shared form rules say it (src/ui/form/ask.ts)
broadcast-form-title = Тарату
broadcast-audience-field = Кімге
broadcast-audience-checked_in = Кіреберісте белгіленгендерге
broadcast-audience-no_show = Растап, бірақ келмегендерге
