# Тіркелу (RSVP): қатысушы сауалнамасы, «Менің тіркелуім», қайта растау және ұйымдастырушылар құралдары.

## Ашылуы мен жабылуы
rsvp-intro =
    📝 <b>Тіркелу: { $title }</b>
    Тіркелу { DATIVE($deadline) } дейін ашық ({ $duration } қалды).
    Бір минуттай ғана уақыт алады: алдымен төмендегі келісім, содан кейін аты-жөніңіз{ $questions ->
        [0] .
        [1] {" "}және бір сұрақ.
       *[other] {" "}және бірнеше сұрақ.
    }
# With rsvp.approval: told before the consent, as the full hall is.
rsvp-intro-approval = 🙋 Қатысуды ұйымдастырушылар мақұлдайды: сауалнамадан кейін сұрауыңыз оларға жіберіледі, ал шешімін бірден хабарлаймын.
rsvp-intro-full = ⏳ <b>Қазір бос орын жоқ.</b> Бәрібір тіркеле аласыз: күту тізіміне қосыласыз, ал орын босаса, бірден хабарлаймын.
rsvp-closed = { $phase ->
        [past] ⛔️ Тіркелу жабық: іс-шара өтіп кетті ({ $when }).
       *[closed]
            ⛔️ Тіркелу жабылды (мерзімі: { $deadline }).
            Бәрібір келгіңіз келсе, ұйымдастырушылармен хабарласыңыз{ $known ->
                [yes] : { $contact }
               *[no] .
            }
    }

## Сауалнама
rsvp-ask-name = 👤 Аты-жөніңіз кім? Толық атыңызды жазыңыз (жеке куәліктегідей — қонақтар тізімі үшін).
rsvp-error-name-length = Аты-жөні 2 мен 100 таңба аралығында болуы керек. Толық аты-жөнді жазыңыз.
rsvp-error-name-characters = Тек әріптерді, бос орындарды, сызықшаларды және апострофтарды қолданыңыз. Толық аты-жөнді қайта жазыңыз.
rsvp-error-companion-repeated = { $name } бұл тіркеуде бар. Өзіңізбен бірге келетін адамның толық аты-жөнін жазыңыз.
rsvp-skip = Өткізіп жіберу ➡️
rsvp-share-phone = 📱 Нөмірімді бөлісу
rsvp-error-contact-not-yours = «Нөмірімді бөлісу» батырмасымен өз нөміріңізді бөлісіңіз немесе нөмірді жазыңыз.
rsvp-contact-saved = ✅ Байланыс сақталды: { $contact }
rsvp-answer-line = { $label } — { $answer }
rsvp-answer-yes = Иә
rsvp-answer-no = Жоқ
rsvp-multi-hint = Керек нұсқаларды ✅ белгілеп, «Дайын» батырмасын басыңыз.
rsvp-multi-use-buttons = Сұрақтың батырмаларымен жауап беріңіз: керек нұсқаларды ✅ белгілеп, «Дайын» батырмасын басыңыз.
# After the hint when the file bounds the choice (min/max); none when any number of options will do.
rsvp-multi-at-most = Ең көбі { $max } нұсқа таңдауға болады.
rsvp-multi-at-least = Кемінде { $min } нұсқа таңдаңыз.
rsvp-multi-between = Таңдалатын нұсқалар саны: { $min }–{ $max }.
rsvp-multi-exactly = Дәл { $min } нұсқа таңдаңыз.
rsvp-multi-done = ✔️ Дайын
rsvp-error-text-short = Тым қысқа: кемінде { $min } таңба болуы керек. Жауабыңызды қайта жазыңыз.
# Under a number question's label when the file bounds it or wants it whole ($whole: yes/no).
rsvp-number-between = { $min }–{ $max } аралығындағы { $whole ->
        [yes] бүтін сан
       *[other] сан
    }.
rsvp-number-at-least = Кемінде { $min } болатын { $whole ->
        [yes] бүтін сан
       *[other] сан
    }.
rsvp-number-whole = Бүтін сан.
rsvp-error-number = Санды жіберіңіз, мысалы 25.
rsvp-error-number-whole = Бүтін санды жіберіңіз, бөлшексіз, мысалы { $example }.
rsvp-error-number-range = { $min }–{ $max } аралығындағы санды жіберіңіз.
rsvp-error-number-min = Кемінде { $min } болатын санды жіберіңіз.
rsvp-error-email = Бұл электрондық пошта мекенжайына ұқсамайды. Мысал: name@example.com
rsvp-error-phone = Бұл телефон нөміріне ұқсамайды. Мысалдар: { $examples }
rsvp-error-multi-min = Кемінде { $min } нұсқаны белгілеп, «Дайын» батырмасын басыңыз.
rsvp-error-multi-max = Көп дегенде { $max } нұсқа белгілеуге болады: алдымен біреуінің белгісін алып тастаңыз.
rsvp-stats-question = <b>{ $question }</b> (расталғандар)
    { $lines }
# Guests who skipped an optional question, under its options' counts in /stats.
rsvp-stats-not-given = Көрсетілмеген: { $count }
# A number question's answers in /stats: their sum and average.
rsvp-stats-number = Барлығы: { $total } · орташа: { $average } · жауап саны: { $answered }
rsvp-ask-consent =
    🔒 <b>Дербес деректерді өңдеуге келісім</b>
    { $text }
    Дербес деректер операторы: { $controller }
rsvp-consent-generic = Іс-шараға тіркелу, ол туралы жаңалықтар жіберу және кіреберісте белгілеу үшін менің аты-жөнімді{ $companions ->
        [yes] , өзіммен бірге келетіндердің аты-жөнін
       *[no] {""}
    } және тіркелу сұрақтарына берген жауаптарымды өңдеуге келісемін. Деректер үшінші тұлғаларға берілмейді. Сақталу мерзімі: { $until }; менің сұрауым бойынша одан ертерек жойылады (/forget_me).
rsvp-summary =
    📋 <b>Деректеріңізді тексеріңіз</b>
    Аты-жөні: { $name }
    { $answers }
rsvp-none = —
# An optional question left unanswered, after its label: "Your e-mail — not given".
rsvp-not-answered = көрсетілмеген
rsvp-confirm = ✅ Растау
rsvp-edit = ✏️ Жауапты өзгерту
rsvp-cancel = ❌ Бас тарту
rsvp-edit-which = ✏️ Нені өзгерткіңіз келеді?
rsvp-field-name = Аты-жөні
rsvp-back = ⬅️ Артқа
rsvp-left = Тіркелу тоқтатылды, ештеңе сақталған жоқ. Кез келген уақытта /rsvp арқылы қайта бастай аласыз.
rsvp-edit-left = Ештеңе өзгерген жоқ.
rsvp-closed-meanwhile = ⛔️ Өкінішке орай, сауалнаманы толтырып жатқанда тіркелу жабылды. Ұйымдастырушылармен хабарласыңыз{ $known ->
        [yes] : { $contact }
       *[no] .
    }

## Нәтиже және билет
rsvp-done-confirmed =
    🎉 <b>Сіз тіркелдіңіз!</b>
    Сіздің кодыңыз: <b>{ $code }</b>
    Кіреберісте QR-кодты көрсетіңіз немесе осы кодты айтыңыз. Төмендегі күнтізбе файлы іс-шараны күнтізбеңізге қосады.
rsvp-waitlisted-why =
    { $reason ->
        [group] Бос орын саны: { $free }, ал тобыңызға { $party } орын керек, сондықтан сіз күту тізіміндесіз.
        [queue] Бос орындар алдымен күтіп тұрғандарға беріледі, сондықтан сіз де күту тізіміндесіз.
       *[full] Барлық орын толды, сондықтан сіз күту тізіміндесіз.
    }
rsvp-done-waitlisted =
    ⏳ <b>{ $why }</b>
    Кезектегі орныңыз: { $position }. Сіздің кодыңыз: <b>{ $code }</b>
    Орын босаса, бірден хабарлаймын.
rsvp-updated = ✅ Деректеріңіз жаңартылды.
rsvp-ticket-caption = 🎟 Сіздің билетіңіз: { $name }, коды: { $code }. Кіреберісте осы QR-кодты көрсетіңіз.
rsvp-calendar-caption = 📅 Іс-шараны күнтізбеге қосу үшін файлды ашыңыз.
rsvp-status-confirmed = ✅ расталды
rsvp-status-waitlisted = ⏳ күту тізімінде ({ $position }-орын)
rsvp-status-cancelled = ❌ күші жойылған
rsvp-mine =
    🎟 <b>Менің тіркелуім</b>
    Мәртебесі: { $status }
    Коды: <b>{ $code }</b>
    Аты-жөні: { $name }
    { $answers }
rsvp-mine-locked = Іс-шара басталып кетті: тіркелуді енді өзгертуге болмайды.
rsvp-change = ✏️ Деректерімді өзгерту
rsvp-withdraw = ❌ Тіркелуден бас тарту
rsvp-show-ticket = 🎟 Билетімді көрсету
rsvp-ticket-shown = { $where ->
        [above] 🎟 Билетіңіз чатта бар — осы хабарламаның дәл үстінде.
       *[below] 🎟 Билетіңіз чатта бар — осы хабарламадан төменірек.
    }
rsvp-withdraw-ask = Тіркелуден бас тартасыз ба? Орныңыз күту тізіміндегі келесі адамға беріледі.
rsvp-withdraw-yes = Иә, бас тартамын
rsvp-withdraw-no = Жоқ, қалдырамын
rsvp-withdrawn = Тіркелуіңіздің күші жойылды. Ойыңыз өзгерсе, тіркелу ашық тұрғанда /rsvp арқылы қайта тіркеліңіз.
rsvp-not-registered = Сізде жарамды тіркелу жоқ.
rsvp-promoted =
    🎉 <b>{ $people ->
        [1] Қуанышты хабар: орын босады, ол сіздікі!
       *[other] Қуанышты хабар: бүкіл тобыңызға ({ $people } адам) орын босады!
    }</b>
    Енді сіз тіркелдіңіз. Сіздің кодыңыз: <b>{ $code }</b>
## Қайта растау
rsvp-reconfirm-ask =
    👋 <b>«{ $title }» іс-шарасына әлі де келесіз бе?</b>
    Басталуы: { $when }. { DATIVE($by) } дейін растаңыз — әйтпесе орныңыз күту тізіміндегі адамға беріледі.
rsvp-reconfirm-yes = ✅ Иә, келемін
rsvp-reconfirm-no = ❌ Жоқ, келе алмаймын
rsvp-reconfirm-thanks = 🙌 Рақмет! Кездескенше.
rsvp-reconfirm-declined = Хабарлағаныңызға рақмет: орныңыз күту тізіміндегі адамға беріледі.
rsvp-released-unanswered = ⌛️ Қатысуыңызды растамадыңыз, сондықтан орныңыз күту тізіміндегі адамға берілді. Бәрібір келгіңіз келсе, ұйымдастырушылармен хабарласыңыз{ $known ->
        [yes] : { $contact }
       *[no] .
    }

## Кіреберістегі билеттер
rsvp-ticket-not-yours = 🙅 Бұл сіздің билетіңіз емес. Өз тіркелуіңізді көру үшін /rsvp жіберіңіз.
rsvp-ticket-unknown = Бұл билет жарамсыз.
rsvp-checkin-card =
    🎟 <b>{ $name }</b>
    Мәртебесі: { $status }
    Коды: { $code }
    { $answers }
rsvp-checkin-button = ✅ Келгенін белгілеу
rsvp-checkin-done = ✅ { $name }: келгені белгіленді.
rsvp-checkin-again = ⚠️ Бұл билет қолданылып қойған: { $name }, кіреберісте белгіленген уақыты — { $at }.
# On the door card before the event's first day: the check-in is still allowed (a rehearsal), but said to be early.
rsvp-checkin-early = ⚠️ Бүгін іс-шара күні емес. Іс-шара күні: { $day }.
rsvp-checkin-not-confirmed = ⚠️ Қонақтың тіркелуі расталмаған, сондықтан белгілеуге болмайды.
rsvp-checkin-usage = /checkin КОД жіберіңіз, мысалы /checkin ABC234, немесе қонақтың QR-кодын сканерлеңіз.
rsvp-checkin-unknown = { $code } кодымен тіркелу табылмады.
rsvp-checkin-other-event = 🎟 Бұл билет басқа іс-шараға: { $title }, { $when }. Оның қонақтарын белгілеу үшін /events ішінен сол іс-шараны таңдаңыз.
rsvp-checkin-mode-on =
    🎫 <b>Кіреберісте белгілеу режимі</b>
    Қонақтардың кодтарын бір-бірден жіберіңіз — мен қонақтың карточкасын белгілеу батырмасымен көрсетемін. Аяқтау: /cancel.
rsvp-checkin-mode-off = Кіреберісте белгілеу режимі өшірілді.
rsvp-checkin-mode-hint = Бұл билет кодына ұқсамайды: код 6 әріп пен цифрдан тұрады, мысалы ABC234. Аяқтау: /cancel.
rsvp-checked-in-guest = ✅ Кіреберісте келгеніңіз белгіленді. Қош келдіңіз!

## Ұйымдастырушыларға
rsvp-stats =
    📊 <b>Тіркелулер</b>
    Расталған: { $confirmed }
    Күту тізімі: { $waitlisted }
    Бас тартқан: { $cancelled }
    Келгендер: { $checkedIn }
    Бос орын: { $left }{ $breakdown }
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
rsvp-form-title = Тіркелу

## Мақұлдау (rsvp.approval) және қонақтар (rsvp.plusOnes)
rsvp-ask-plus-ones = Өзіңізбен бірге неше адам әкелесіз ({ $max } адамға дейін)?
rsvp-ask-companion = Қонағыңыздың аты-жөні ({ $number } / { $count }):
rsvp-field-companions = Менің қонақтарым
rsvp-companions-line = Бірге келетіндер ({ $count }): { $names }
rsvp-group-size = Топ: { $count } адам
rsvp-group-full = 😔 Сонша адамға бос орын жетпейді. Тіркелуіңіз бұрынғыдай қалды.
rsvp-ticket-group = { $count } адамға.
rsvp-status-pending = 🕓 ұйымдастырушылардың мақұлдауын күтуде
rsvp-status-declined = ❌ қабылданбады: { $reason }
rsvp-done-pending =
    🕓 <b>Рақмет! Қатысуға сұранысыңыз ұйымдастырушыларға жіберілді.</b>
    Сіздің кодыңыз: <b>{ $code }</b>
    Олар шешім қабылдаған бойда хабарлаймын.
rsvp-declined-mine =
    🎟 <b>Менің тіркелуім</b>
    Мәртебесі: { $status }
rsvp-approved =
    🎉 <b>Тіркелуіңіз мақұлданды!</b>
    Сіздің кодыңыз: <b>{ $code }</b>
    Кіреберісте QR-кодты көрсетіңіз немесе осы кодты айтыңыз.
rsvp-approved-waitlisted =
    ✅ <b>Сұранысыңыз мақұлданды. { $why }</b>
    Кезектегі орныңыз: { $position }. Сіздің кодыңыз: <b>{ $code }</b>
    Орын босаса, бірден хабарлаймын.
rsvp-declined =
    😔 <b>Ұйымдастырушылар тіркелуіңізді қабылдай алмады.</b>
    Себебі: { $reason }
rsvp-decline-reason-full = зал толы
rsvp-decline-reason-invited = іс-шара тек шақырылған қатысушыларға арналған
rsvp-decline-reason-incomplete = тіркеу толық толтырылмаған
rsvp-request-card =
    🙋 <b>Қатысуға сұраныс</b>
    Аты-жөні: { $name }
    { $answers }
    Адам саны: { $party } · Коды: { $code }
rsvp-request-approve = ✅ Мақұлдау
rsvp-request-decline = ❌ Қабылдамау
rsvp-request-outcome-confirmed = билет жіберілді
rsvp-request-outcome-waitlisted = күту тізімінде
rsvp-request-approved-by = ✅ Мақұлдаған — { $by } ({ $status }).
rsvp-request-declined-by = ❌ Қабылдамаған — { $by }: { $reason }
rsvp-request-withdrawn = Қонақ сұранысын қайтарып алды.
rsvp-request-already = Шешім қабылданып қойған: { $by }.
rsvp-request-gone = Бұл сұраныс енді ашық емес.
rsvp-request-approved-toast = ✅ Мақұлданды: { $name }
rsvp-request-declined-toast = ❌ Қабылданбады: { $name }
rsvp-decline-form-title = Сұранысты қабылдамау
rsvp-decline-left = Сұраныс қабылданбаған жоқ, ол әлі ашық.
rsvp-decline-ask = { $name }: сұранысты неге қабылдамайсыз? Қонақ себебін көреді.
rsvp-decline-own = ✍️ Өз сөзіммен
rsvp-decline-own-ask = Қонаққа себебін жазыңыз (300 таңбаға дейін):
rsvp-requests-title = 🙋 <b>Мақұлдауды күтетін сұраныстар: { $total }</b> (бет: { $page } / { $pages })
rsvp-requests-line = { $number }. { $name } — { $party } адам, коды { $code }
rsvp-requests-approve-shown = ✅ Көрсетілгендердің бәрін мақұлдау ({ $count })
rsvp-requests-approved = Мақұлданды: { $count }
rsvp-requests-none = Мақұлдауды күтетін сұраныс жоқ.
rsvp-stats-people = Адамдар (қонақтарымен): расталған { $confirmed }, күтуде { $waitlisted }, мақұлдауда { $pending }, келгендер { $checkedIn }
rsvp-stats-requests = Сұраныстар: мақұлдауда { $pending }, қабылданбаған { $declined }
rsvp-checkin-group-button = ✅ Бәрін белгілеу ({ $count })
# Above the buttons 1…N−1 of a group's card: what those numbers are.
rsvp-checkin-partial = Бәрі келмеді ме? Қанша адам келгенін басыңыз.
rsvp-checkin-arrived = Келгендер: { $arrived } / { $count }.
