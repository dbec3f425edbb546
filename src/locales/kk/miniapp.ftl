# Мини-қосымша (қазақша): боттан ашылатын веб-экрандардың мәтіндері.

## Жалпы
miniapp-loading = Жүктелуде…
miniapp-open-in-telegram = Бұл бетті Telegram-дағы боттан ашыңыз.
miniapp-error = Бірдеңе дұрыс болмады. Қайталап көріңіз.
miniapp-forbidden = Бұл экран сізге қолжетімсіз.
miniapp-back = ← Артқа
miniapp-home-door = 🚪 Кіреберіс: қонақтарды белгілеу
miniapp-home-dashboard = 📊 Ұйымдастырушы тақтасы
miniapp-home-map = 🗺 Идеялар картасы
miniapp-home-ticket = 🎟 Менің билетім

## Кіреберіс режимі
miniapp-door-title = Кіреберісте белгілеу
miniapp-door-scan = 📷 Билеттерді сканерлеу
miniapp-door-scan-hint = Камераны билеттің QR-кодына бағыттаңыз
miniapp-door-no-scanner = Бұл Telegram қосымшасы сканерлей алмайды: кодты енгізіңіз немесе қонақты аты бойынша іздеңіз.
miniapp-door-counter = { $total } қонақтың { $checkedIn } келді
miniapp-door-welcome = Қош келдіңіз, { $name }!
miniapp-door-welcome-group = Қош келдіңіз, { $name } (+{ $group })!
# Under a welcome scanned before the event's day: counted all the same (a rehearsal).
miniapp-door-early = ⚠️ Бүгін іс-шара күні емес. Басталуы: { $day }.
miniapp-door-already = Бұрын белгіленген: { $time }, белгілеген — { $by }
miniapp-door-already-at = Бұрын белгіленген: { $time }
miniapp-door-not-found = Билет табылмады
miniapp-door-waitlisted = Күту тізімінде: орын жоқ
miniapp-door-other-event = Басқа іс-шараның билеті
miniapp-door-cancelled = Тіркеу бас тартылған
miniapp-door-search = Аты бойынша іздеу
miniapp-door-search-hint = Кемінде 3 әріп жазыңыз
miniapp-door-search-none = Ешкім табылмады
miniapp-door-checkin = Белгілеу
# A companion found by their own name in the door search: the guest who registered them.
miniapp-door-companion = { $name } (тіркелген қонақ: { $guest })
miniapp-door-checked-in = ✓ Белгіленді
miniapp-door-code = Билет коды
miniapp-door-code-placeholder = мысалы, K7M2QX

## Ұйымдастырушы тақтасы
miniapp-dash-title = Ұйымдастырушы тақтасы
miniapp-dash-confirmed = Расталғандар
miniapp-dash-waitlisted = Күту тізімі
miniapp-dash-cancelled = Бас тартқандар
miniapp-dash-checked-in = Келгендер
miniapp-dash-pending = Мақұлдауды күтуде
miniapp-dash-capacity = Барлық орын
miniapp-dash-per-day = Күн сайынғы тіркелулер
miniapp-dash-ideas = Идеялар
miniapp-dash-ideas-pending = Модерацияны күтуде
miniapp-dash-ideas-published = Жарияланған
miniapp-dash-broadcasts = Таратылымдар
miniapp-dash-feedback = Пікірлер
miniapp-dash-feedback-responses = Жауаптар
miniapp-dash-nps = NPS
miniapp-dash-guests = Қонақтар
miniapp-dash-search = Қонақтарды іздеу
miniapp-dash-status-all = Барлық мәртебе
miniapp-dash-checkin-all = Келгендер мен келмегендер
miniapp-dash-checkin-yes = Келгендер
miniapp-dash-checkin-no = Әлі келмегендер
miniapp-dash-question = Жауап бойынша сүзу…
miniapp-dash-answer = Жауапта бар
miniapp-dash-csv = ⬇ CSV жүктеп алу
miniapp-dash-shown = Көрсетілді: { $count }
miniapp-dash-no-guests = Сәйкес қонақ жоқ.
miniapp-status-confirmed = Расталған
miniapp-status-waitlisted = Күту тізімінде
miniapp-status-cancelled = Бас тартқан
miniapp-status-pending = Мақұлдауды күтуде

## Идеялар картасы
miniapp-map-title = Идеялар картасы
miniapp-map-category-all = Барлық санат
miniapp-map-status-all = Барлық мәртебе
miniapp-map-none = Картада орны көрсетілген идея әлі жоқ.
miniapp-idea-number = № { $number } идея
miniapp-idea-support = 👍 Қолдау
miniapp-idea-supported = ✅ Сіз қолдадыңыз
miniapp-idea-supports = Қолдағандар: { $supports }
miniapp-idea-close = Жабу
miniapp-idea-status-new = Модерацияны күтуде
miniapp-idea-status-published = Жарияланған
miniapp-idea-status-under-review = Қаралуда
miniapp-idea-status-accepted = Қабылданған
miniapp-idea-status-rejected = Қабылданбаған

## Менің билетім
miniapp-ticket-title = Менің билетім
miniapp-ticket-none = Сізде әлі билет жоқ: боттан тіркеліңіз.
miniapp-ticket-waitlisted = Сіз күту тізіміндесіз: орын босағанда билет осында шығады.
miniapp-ticket-code = Код: { $code }
miniapp-ticket-group = Сізбен бірге қонақтар: +{ $group }
miniapp-ticket-calendar = 📅 Күнтізбеге қосу
