# Қысқа тізімдегі идеяларға дауыс беру (қазақша)

cmd-vote = Идеяларға дауыс беру

## Дауыс беру бюллетені
vote-ballot-title = 🗳 <b>Үздік идеяларға дауыс беру</b>
vote-ballot-rules = Әркімнің дауысы: { $max }. Қолдайтын идеяларыңызды төмендегі батырмалармен белгілеңіз; таңдауды { DATIVE($closes) } дейін өзгертуге болады.
vote-ballot-live = Нәтижелер бірден көрінеді: батырманы басқан сайын сандар жаңарады.
vote-ballot-at-close = Нәтижелер дауыс беру жабылғанда жарияланады.
vote-ballot-line = <b>#{ $id }</b> { $text }
vote-ballot-line-count = <b>#{ $id }</b> { $text } — { $count } дауыс
vote-ballot-chosen = Сіздің таңдауыңыз: { $count }/{ $max }.
vote-ballot-closed = Дауыс беру жабылды.
vote-toast-added = ✅ Дауысыңыз есептелді: { $count }/{ $max }
vote-toast-removed = Дауысыңыз алынды: { $count }/{ $max }
vote-toast-full = Барлық дауысыңызды бердіңіз ({ $max }): алдымен басқа идеядан белгіні алыңыз.
vote-toast-closed = Дауыс беру жабылып қойды.
vote-toast-checked-in-only = Тек кіреберісте тіркелген қонақтар дауыс бере алады.
vote-toast-not-eligible = Тек бот осы дауыс беруді жіберген адамдар дауыс бере алады.

## Нәтижелер
vote-results-title = 🗳 <b>Дауыс беру қорытындысы</b> · дауыс бергендер: { $count }
vote-results-line = { $place }. <b>#{ $id }</b> { $text } — { $count } дауыс
vote-csv-caption = Дауыс беру қорытындысы, № { $number } (CSV)

## Дауыс беруді дайындау (ұйымдастырушылар)
vote-form-title = Дауыс беру
vote-cancelled = Дауыс беру басталмады.
vote-no-ideas = Дауыс беру үшін кемінде 2 жарияланған идея керек, қазір жарияланғаны: { $count }.
vote-idea-line = <b>#{ $id }</b> { $text }
vote-ask-ideas = Дауыс беруге қай идеялар шығады? Жарияланған идеялардың нөмірлерін (2-ден 12-ге дейін) үтір арқылы жіберіңіз, мысалы: <code>12, 15, 21</code>.

    Жарияланған идеялар:
    { $list }
vote-ideas-format = Идея нөмірлерін үтір арқылы жіберіңіз, мысалы: 12, 15, 21.
vote-ideas-count = Дауыс беруге шығатын идеялар саны: ең азы { $min }, ең көбі { $max }. Сіз жібергені: { $count }.
vote-ideas-missing = Мына нөмірлермен жарияланған идея жоқ: { $ids }. Тексеріп, тізімді қайта жіберіңіз.
vote-ask-max = Әркімде неше дауыс болады? (ең көбі { $total })
vote-max-field = Әркімнің дауысы
vote-ask-electorate = Кім дауыс бере алады?
vote-electorate-all = Ботты іске қосқандардың бәрі ({ $count })
vote-electorate-checked-in = Кіреберісте тіркелген қонақтар ({ $count })
vote-electorate-field = Кім дауыс береді
vote-ask-closes = Дауыс беру қашан жабылады? { $zone } белдеуіндегі уақыт (<code>{ $example }</code> немесе бүгінгі <code>СС:ММ</code>) не ұзақтық, мысалы <code>2h</code> немесе <code>90m</code>.
vote-closes-format = Уақытты түсіне алмадым. Мысалы, <code>{ $example }</code>, <code>18:30</code> немесе <code>2h</code> деп жазыңыз.
vote-closes-past = Бұл уақыт өтіп кетті: кейінірек уақытты көрсетіңіз.
vote-closes-far = Дауыс беру ең көбі 30 күн ашық тұрады: ертерек уақытты көрсетіңіз.
vote-ask-results = Дауыс берушілер нәтижені қашан көреді?
vote-results-live = Бірден, дауыс беру барысында
vote-results-at-close = Тек жабылғаннан кейін
vote-results-field = Нәтижелер
vote-who-all = ботты іске қосқандардың бәрі
vote-who-checked-in = кіреберісте тіркелген қонақтар
vote-mode-live = бірден
vote-mode-close = жабылғаннан кейін
vote-preview =
    <b>Жоғарыда — дауыс берушілер алатын бюллетень.</b>
    Идеялар: { $total } · әркімнің дауысы: { $max } · кім дауыс береді: { $who } · жабылуы: { $closes } · нәтижелер: { $mode }
vote-start-button = ▶️ Дауыс беруді бастау
vote-opened-meanwhile = Осы арада басқа дауыс беру ашылды: оны /vote көрсетеді.
vote-nobody = Дауыс беретін ешкім жоқ: таңдалған топта бірде-бір адам жоқ.
vote-started = ✅ № { $number } дауыс беру ашылды: бюллетень жіберілуде, алушылар: { $count }. Жабылуы: { $closes }.

## Ашық дауыс беру (ұйымдастырушылар)
vote-open-title = 🗳 <b>№ { $number } дауыс беру жүріп жатыр</b>, жабылуы: { $closes }.
vote-open-summary = Дауыс бергендер: { $count } (дауыс бере алатындар: { $total }) · әркімнің дауысы: { $max }
vote-mode-live-line = Дауыс берушілер нәтижені бірден көреді.
vote-mode-close-line = Дауыс берушілер нәтижені жабылғаннан кейін көреді.
vote-close-button = ⏹ Қазір жабу
vote-already-closed = Бұл дауыс беру жабылып қойған.
vote-closed-now = ⏹ Дауыс беру жабылды. Қорытындыны дауыс бергендер ({ $count }) мен ұйымдастырушылар алады.
