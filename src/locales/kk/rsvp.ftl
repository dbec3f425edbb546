# Тіркелу (RSVP): қатысушы сауалнамасы, «Менің тіркелуім», қайта растау және ұйымдастырушылар құралдары.

## Ашылуы мен жабылуы
rsvp-intro =
    📝 <b>Тіркелу: { $title }</b>
    Тіркелу { DATIVE($deadline) } дейін ашық ({ $duration } қалды).
    Бір минут қана алады: алдымен төмендегі келісіміңіз, содан кейін аты-жөні, сала, ұйым және байланыс.
rsvp-closed =
    ⛔️ Тіркелу { $deadline } жабылды.
    Бәрібір келгіңіз келсе, ұйымдастырушылармен хабарласыңыз: { $contact }
rsvp-organisers = ұйымдастырушылар

## Сауалнама
rsvp-ask-name = 👤 Аты-жөніңіз кім? Толық атыңызды жазыңыз (жеке куәліктегідей — қонақтар тізімі үшін).
rsvp-error-name-length = ✋ Аты-жөні 2-ден 100 таңбаға дейін болуы керек. Толық атыңызды жазыңыз.
rsvp-error-name-characters = ✋ Тек әріптерді, бос орындарды, сызықшаларды және апострофтарды қолданыңыз. Толық атыңызды қайта жазыңыз.
rsvp-ask-sector = 🏛 Қай саланың өкілісіз?
rsvp-sector-government = Мемлекеттік сектор
rsvp-sector-civil = Азаматтық қоғам
rsvp-sector-business = Бизнес секторы
rsvp-sector-media = БАҚ
rsvp-sector-academia = Ғылым және білім
rsvp-sector-other = Басқа
rsvp-ask-organisation = 🏢 Қай ұйымнансыз? Атауын жазыңыз немесе «Өткізіп жіберу» батырмасын басыңыз.
rsvp-skip = Өткізіп жіберу ➡️
rsvp-error-organisation = ✋ Ұйымның атауын жазыңыз (2-ден 150 таңбаға дейін) немесе «Өткізіп жіберу» батырмасын басыңыз.
rsvp-ask-contact =
    📞 Ұйымдастырушылар сізбен қалай байланыса алады?
    Төмендегі «Нөмірімді бөлісу» батырмасын басыңыз немесе телефон нөмірін (мысалы, 8 701 123 45 67) не электрондық пошта мекенжайын жазыңыз.
rsvp-share-phone = 📱 Нөмірімді бөлісу
rsvp-error-contact = ✋ Бұл телефон нөміріне немесе пошта мекенжайына ұқсамайды. Мысалдар: 8 701 123 45 67, +44 20 7946 0958, name@example.com
rsvp-error-contact-not-yours = ✋ «Нөмірімді бөлісу» батырмасымен өз нөміріңізді бөлісіңіз немесе нөмірді не пошта мекенжайын жазыңыз.
rsvp-contact-saved = ✅ Байланыс сақталды: { $contact }
rsvp-ask-consent =
    🔒 <b>Дербес деректерді өңдеуге келісім</b>
    { $text }
    Дербес деректер операторы: { $controller }
rsvp-consent-generic = Іс-шараға тіркелу, ол туралы жаңалықтар жіберу және кіреберісте белгілеу үшін менің аты-жөнімді, саламды, ұйымымды және байланыс деректерімді өңдеуге келісемін. Деректер үшінші тұлғаларға берілмейді және іс-шарадан кейін сұрау бойынша жойылады.
rsvp-agree = ✅ Келісемін
rsvp-consent-changed = Келісім мәтіні өзгерді: төмендегі жаңа мәтінді оқып шығыңыз.
rsvp-summary =
    📋 <b>Деректеріңізді тексеріңіз</b>
    Аты-жөні: { $name }
    Сала: { $sector }
    Ұйым: { $organisation }
    Байланыс: { $contact }
rsvp-none = —
rsvp-confirm = ✅ Растау
rsvp-edit = ✏️ Өрісті өзгерту
rsvp-cancel = ❌ Бас тарту
rsvp-edit-which = ✏️ Нені өзгерткіңіз келеді?
rsvp-field-name = Аты-жөні
rsvp-field-sector = Сала
rsvp-field-organisation = Ұйым
rsvp-field-contact = Байланыс
rsvp-back = ⬅️ Артқа
rsvp-left = Тіркелу тоқтатылды, ештеңе сақталған жоқ. Кез келген уақытта /rsvp арқылы қайта бастай аласыз.
rsvp-edit-left = Ештеңе өзгерген жоқ.
rsvp-closed-meanwhile = ⛔️ Өкінішке орай, сауалнаманы толтырып жатқанда тіркелу жабылды. Ұйымдастырушылармен хабарласыңыз: { $contact }

## Нәтиже және билет
rsvp-done-confirmed =
    🎉 <b>Сіз тіркелдіңіз!</b>
    Сіздің кодыңыз: <b>{ $code }</b>
    Кіреберісте QR-кодты көрсетіңіз немесе осы кодты айтыңыз. Төмендегі күнтізбе файлы іс-шараны күнтізбеңізге қосады.
rsvp-done-waitlisted =
    ⏳ <b>Барлық орын толды, сондықтан сіз күту тізіміндесіз.</b>
    Кезектегі орныңыз: { $position }. Сіздің кодыңыз: <b>{ $code }</b>
    Орын босаса, бірден хабарлаймын.
rsvp-updated = ✅ Деректеріңіз жаңартылды.
rsvp-ticket-caption = 🎟 Сіздің билетіңіз: { $name }, коды { $code }. Кіреберісте осы QR-кодты көрсетіңіз.
rsvp-calendar-caption = 📅 Іс-шараны күнтізбеге қосу үшін файлды ашыңыз.
rsvp-status-confirmed = ✅ расталды
rsvp-status-waitlisted = ⏳ күту тізімінде ({ $position }-орын)
rsvp-status-cancelled = ❌ бас тартылды
rsvp-mine =
    🎟 <b>Менің тіркелуім</b>
    Мәртебесі: { $status }
    Коды: <b>{ $code }</b>
    Аты-жөні: { $name }
    Сала: { $sector }
    Ұйым: { $organisation }
    Байланыс: { $contact }
rsvp-mine-locked = Іс-шара басталып кетті: тіркелуді енді өзгертуге болмайды.
rsvp-change = ✏️ Деректерімді өзгерту
rsvp-withdraw = ❌ Тіркелуден бас тарту
rsvp-show-ticket = 🎟 Билетімді көрсету
rsvp-withdraw-ask = Тіркелуден бас тартасыз ба? Орныңыз күту тізіміндегі келесі адамға беріледі.
rsvp-withdraw-yes = Иә, бас тартамын
rsvp-withdraw-no = Жоқ, қалдырамын
rsvp-withdrawn = Тіркелуіңіз жойылды. Ойыңыз өзгерсе, тіркелу ашық тұрғанда /rsvp арқылы қайта тіркеліңіз.
rsvp-not-registered = Сізде жарамды тіркелу жоқ.
rsvp-promoted =
    🎉 <b>Қуанышты хабар: орын босады, ол сіздікі!</b>
    Енді сіз тіркелдіңіз. Сіздің кодыңыз: <b>{ $code }</b>
## Қайта растау
rsvp-reconfirm-ask =
    👋 <b>«{ $title }» іс-шарасына әлі де келесіз бе?</b>
    Басталуы: { $when }. { DATIVE($by) } дейін растаңыз — әйтпесе орныңыз күту тізіміндегі адамға беріледі.
rsvp-reconfirm-yes = ✅ Иә, келемін
rsvp-reconfirm-no = ❌ Жоқ, келе алмаймын
rsvp-reconfirm-thanks = 🙌 Рақмет! Кездескенше.
rsvp-reconfirm-declined = Хабарлағаныңызға рақмет: орныңыз күту тізіміндегі адамға беріледі.
rsvp-released-unanswered = ⌛️ Қатысуыңызды растамадыңыз, сондықтан орныңыз күту тізіміндегі адамға берілді. Бәрібір келгіңіз келсе, ұйымдастырушылармен хабарласыңыз: { $contact }

## Кіреберістегі билеттер
rsvp-ticket-not-yours = 🙅 Бұл сіздің билетіңіз емес. Өз тіркелуіңізді көру үшін /rsvp жіберіңіз.
rsvp-ticket-unknown = Бұл билет жарамсыз.
rsvp-checkin-card =
    🎟 <b>{ $name }</b>
    Мәртебесі: { $status }
    Коды: { $code }
    Сала: { $sector }
    Ұйым: { $organisation }
    Байланыс: { $contact }
rsvp-checkin-button = ✅ Келгенін белгілеу
rsvp-checkin-done = ✅ { $name }: келгені белгіленді.
rsvp-checkin-again = ⚠️ Бұл билет қолданылған: { $name } { $at } белгіленген.
rsvp-checkin-not-confirmed = ⚠️ Қонақтың тіркелуі расталмаған: белгілеуге болмайды.
rsvp-checkin-usage = /checkin КОД жіберіңіз, мысалы /checkin ABC234, немесе қонақтың QR-кодын сканерлеңіз.
rsvp-checkin-unknown = { $code } кодымен тіркелу табылмады.
rsvp-checkin-mode-on =
    🎫 <b>Кіреберісте белгілеу режимі</b>
    Қонақтардың кодтарын бір-бірлеп жіберіңіз — мен қонақтың карточкасын белгілеу батырмасымен көрсетемін. Аяқтау: /cancel.
rsvp-checkin-mode-off = Кіреберісте белгілеу режимі өшірілді.
rsvp-checkin-mode-hint = Бұл билет кодына ұқсамайды: кодта 6 әріп пен сан болады, мысалы ABC234. Аяқтау: /cancel.
rsvp-checked-in-guest = ✅ Кіреберісте келгеніңіз белгіленді. Қош келдіңіз!

## Ұйымдастырушыларға
rsvp-stats =
    📊 <b>Тіркелулер</b>
    Расталған: { $confirmed }
    Күту тізімі: { $waitlisted }
    Бас тартқан: { $cancelled }
    Келгендер: { $checkedIn }
    Бос орын: { $left }
    <b>Салалар бойынша</b> (расталғандар)
    { $sectors }
    <b>Күндер бойынша</b> (жаңа тіркелулер)
    { $days }
rsvp-unlimited = шектеусіз
rsvp-alert = 📈 Тіркелулер сыйымдылықтың { $percent } пайызына жетті: { $capacity } орынның { $confirmed } орны толды.
rsvp-export-caption = 📄 Қонақтар тізімі: { $count } тіркелу.
rsvp-export-empty = Әзірге ешкім тіркелмеген.
rsvp-export-consent-earlier = ⚠️ { $count } қонақ келісімнің бұрынғы мәтініне келісім берген: consent_current бағанын қараңыз («no»).
rsvp-stats-consent =
    <b>Келісім мәтіндері</b> (нұсқа: қонақтар)
    { $versions }
rsvp-stats-consent-line = { $version } ({ $language }, { $which }): { $count }
rsvp-stats-consent-earlier = ⚠️ { $version } ({ $language }, { $which }): { $count } — { $names }
rsvp-consent-current-text = қазіргі мәтін
rsvp-consent-earlier-text = бұрынғы мәтін
cmd-stats = Тіркелу статистикасы
cmd-export = Қонақтар тізімі (CSV)
cmd-checkin = Қонақты белгілеу

## The form's name, as the shared form rules say it (src/ui/form/ask.ts)
rsvp-form-title = Тіркеу
