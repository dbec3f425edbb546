# Интерфейс жолдары (қазақша). Іс-шара туралы деректер іс-шара файлынан алынады, мұнда емес.
language-name = Қазақша
date-pattern = YYYY [жылғы] D MMMM
time-pattern = H:mm
# The last joiner of a list (src/ui/format.ts, formatList): "a, b және c", "a, b немесе c".
list-and = { $rest } және { $last }
list-or = { $rest } немесе { $last }

## Бастау және басты мәзір
start-greeting =
    Сәлеметсіз бе, { $name }! 👋
    Мен <b>{ $title }</b> іс-шарасының көмекшісімін — { $when }.
    { $offers ->
        [past] Іс-шара өтіп кетті. Мұнда ол туралы біле аласыз.
        [past-ideas] Іс-шара өтіп кетті. Мұнда ол туралы біліп, қалаға арналған идеяларыңызды ұсына аласыз.
        [contest] Мұнда іс-шара туралы біліп, тіркеліп, байқауға қатыса аласыз.
        [ideas] Мұнда іс-шара туралы біліп, тіркеліп, қалаға арналған идеяларыңызды ұсына аласыз.
        [none] Мұнда іс-шара туралы біліп, тіркеле аласыз.
       *[all] Мұнда іс-шара туралы біліп, тіркеліп, байқауға қатысып, қалаға арналған идеяларыңызды ұсына аласыз.
    }
menu-title = Не істегіңіз келеді?
menu-info = ℹ️ Іс-шара туралы
menu-rsvp = 📝 Тіркелу
menu-contest = 🏆 Байқау
menu-idea = 💡 Қалаға арналған идеялар
menu-language = 🌐 Тіл
menu-back = ⬅️ Мәзір

## Іс-шара туралы
info-when = 🗓 <b>Қашан:</b> { $when }
info-where = 📍 <b>Қайда:</b> { $venue }, { $address }
info-countdown-upcoming = ⏳ Басталуына { $duration } қалды.
info-countdown-ongoing = 🔴 Дәл қазір өтіп жатыр.
info-countdown-past = ✔️ Іс-шара өтіп кетті.
info-programme = 📋 Бағдарлама
info-speakers = 🎤 Спикерлер
info-organisers = 🤝 Ұйымдастырушылар
info-contacts = ☎️ Байланыс
info-calendar = 📅 Күнтізбеге қосу
info-venue = 📍 Картада
info-venue-shown = { $where ->
        [above] 📍 Картадағы нүкте чатта бар — осы хабарламаның дәл үстінде.
       *[below] 📍 Картадағы нүкте чатта бар — осы хабарламадан төменірек.
    }
info-back = ⬅️ Артқа
info-programme-title = 📋 <b>Бағдарлама</b>
# The day above its items in the programme of an event of several days.
info-programme-day = 🗓 <u>{ $day }</u>
# The pages of a long programme (or list of organisers): one message holds 4,096 characters at most.
info-page-previous = ◀️ Алдыңғы
info-page-next = Келесі ▶️
info-speakers-title = 🎤 <b>Спикерлер</b>
info-organisers-title = 🤝 <b>Ұйымдастырушылар мен серіктестер</b>
info-contacts-title = ☎️ <b>Байланыс</b>
info-links-title = 🔗 <b>Әлеуметтік желілерде</b>
info-phone = Тел.: { $phone }
info-email = E-mail: { $email }
info-empty = Әзірге мұнда ештеңе жоқ.
calendar-caption = Іс-шараны күнтізбеге қосу үшін файлды ашыңыз. Күнтізбе басталардан бір сағат бұрын еске салады.

## Тіл
language-choose = 🌐 Тілді таңдаңыз:
language-set = ✅ Тіл: қазақша.
language-only = 🌐 Бұл бот тек қазақ тілінде сөйлейді.

## Анықтама және әдепкі жауаптар
help =
    <b>Мен не істей аламын</b>
    /start — басты мәзір
# The /info line names only what the event file has ($details: both, programme, contacts, none).
help-info = /info — іс-шара туралы: { $details ->
        [both] уақыты, орны, бағдарламасы, байланыс
        [programme] уақыты, орны, бағдарламасы
        [contacts] уақыты, орны, байланыс
       *[none] уақыты мен орны
    }
help-rsvp = /rsvp — іс-шараға тіркелу
# Only in a series of more than one event, as the menu's 🗓 button.
help-events =
    /events — сериядағы барлық іс-шаралар
    /notifications — жаңа іс-шаралар туралы хабарламалар: қосу не өшіру
# The contest's and the ideas' lines: only for an event that has them.
help-contest = /contest — байқау ережелері және сіздің өтініміңіз
help-idea = /idea — қалаға идея ұсыну
# Only where the bot speaks more than one language.
help-language = /language — тілді өзгерту
help-more =
    /cancel — ағымдағы әрекетті тоқтату
    /privacy — бот мен туралы не сақтайды
    /forget_me — деректерімді жою
    /help — осы анықтама
cancel-nothing = Тоқтататын ештеңе жоқ. Міне, мәзір.
cancel-consent = Тоқтатылды: сіз келісім бермедіңіз, сондықтан ештеңе сақталған жоқ. Міне, мәзір.
unhandled-text = Хабарламаңызды түсінбедім. Төмендегі батырмаларды немесе /help командасын пайдаланыңыз.
unhandled-media = Мұндай хабарламаны бұл жерде қабылдай алмаймын. Төмендегі батырмаларды немесе /help командасын пайдаланыңыз.
# A text message edited after it was sent: neither a form nor a command reads edits.
unhandled-edited = ✏️ Жіберілген хабарламалардағы түзетулерді көрмеймін: мәтінді жаңа хабарлама етіп қайта жіберіңіз.
unhandled-edited-form = ✏️ Жіберілген хабарламалардағы түзетулерді көрмеймін: формада жауабыңыз алғаш жіберілген күйінде қалады.
stale-button = Бұл батырма енді белсенді емес.
flood-notice = 🐢 Хабарламаларды тым жиі жіберіп жатырсыз. Сәл күтіп барып жалғастырыңыз.
error-unavailable = 🔧 Бот уақытша қолжетімсіз. Бір минуттан соң қайталап көріңіз.
error-generic = 😔 Кешіріңіз, бір қате кетті. Сәлден соң қайталап көріңіз.

## Топтар
group-start = Сәлеметсіз бе! Мен жеке чатта жұмыс істеймін: <b>{ $title }</b> іс-шарасы туралы біліп, қатысу үшін менімен чатты ашыңыз.
group-open = Ботты ашу

## Ұйымдастырушылар
admin-only = Бұл тек ұйымдастырушыларға қолжетімді.
jury-only = Бұл бөлім қазылар алқасы мен ұйымдастырушыларға арналған.
admin-panel =
    🛠 <b>Ұйымдастырушы панелі</b>
    Ботты іске қосқан пайдаланушылар: { $users }
    Тілдер бойынша: { $languages }
    Құралды таңдаңыз:
admin-tool-stats = 📊 Тіркелу статистикасы
admin-tool-export = 📄 Қонақтар тізімі (CSV)
admin-tool-requests = 🙋 Қатысуға сұраныстар
admin-tool-checkin = 🎫 Кіреберісте белгілеу
admin-tool-ideas = 💡 Идеяларды тексеру
admin-tool-entries = 🏆 Өтінімдер және қазылар
admin-tool-broadcast = 📣 Жаңа хабарлама тарату
admin-tool-broadcasts = 📋 Таратылымдар
admin-tool-winner = 🥇 Жеңімпаз
admin-tool-quiz = ❓ Залдағы викторина
admin-tool-feedback = 📝 Пікірлер
admin-tool-audit = 🧾 Әрекеттер журналы
audit-title = 🧾 <b>Ұйымдастырушылардың әрекеттері</b> (соңғы { $count })
audit-empty = Журнал бос: ұйымдастырушылар әлі ештеңе істеген жоқ.
audit-someone = (деректер өшірілген)
audit-winner = Байқау жеңімпазы: { $winner }; { $runners }
audit-runners = жүлдегерлер: { $names }
audit-runners-none = жүлдегерлер жоқ
audit-check-in = Кіреберісте белгіленді: { $guest }
audit-export-guests = Қонақтар тізімі жүктелді: { $count } жол
audit-export-ideas = Идеялар жүктелді: { $count } идея
audit-idea-status = №{ $id } идея → { $status }
audit-idea-custom-reason = өз себебі
audit-broadcast = { $name } → { $audience } ({ $count } алушы)
audit-broadcast-scheduled = { $name } → { $audience }, жоспарланған уақыты: { $when }
audit-broadcast-stopped = Тоқтатылды: { $name }
audit-broadcast-cancelled = Бас тартылды: { $name }

## Команда сипаттамалары
cmd-start = Басты мәзір
cmd-info = Іс-шара туралы
cmd-rsvp = Тіркелу
cmd-contest = Байқау
cmd-idea = Идея ұсыну
cmd-language = Тіл
cmd-help = Анықтама
cmd-cancel = Бас тарту
cmd-audit = Ұйымдастырушылар әрекеттерінің журналы
cmd-admin = Ұйымдастырушы панелі
cmd-broadcast = Хабарлама тарату
cmd-broadcasts = Хабарламалар мен еске салғыштар
cmd-feedback = Іс-шарадан кейінгі пікірлер

# The Mini App's buttons (only with MINIAPP_URL): the chat's menu button, and the attendees' buttons.
webapp-menu-dashboard = Басқару тақтасы
webapp-menu-door = Кіреберіс
webapp-open-ticket = 📱 Билетті ашу
webapp-ideas-map = 🗺 Идеялар картасы
cmd-requests = Қатысуға сұраныстар
