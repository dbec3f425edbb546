# «Мені ұмыт»: пайдаланушы өз дербес деректерін жояды.
privacy-ask =
    🔒 <b>Деректерімді жою</b>
    { $items } жойылады.
    Мұны қайтару мүмкін емес. Барлығын жою керек пе?
# What /forget_me deletes: each only where some event of the series has it (registration first).
privacy-deletes-registration = Сіздің тіркелуіңіз (орныңыз күту тізіміндегі келесі адамға беріледі)
privacy-deletes-form = аяқталмаған сауалнамаңыз
privacy-deletes-ideas = идеяларыңыздағы атыңыз (идеялардың өзі жасырын түрде қалады)
privacy-deletes-contest = байқауға өтініміңіз және жеңімпаздар хабарландыруындағы атыңыз
privacy-deletes-quiz = викторина жауаптарыңыз
privacy-deletes-feedback = іс-шарадан кейінгі сауалнамаға жауаптарыңыз
privacy-deletes-profile = осы боттағы профиліңіз
privacy-confirm = 🗑 Иә, деректерімді жою
privacy-keep = ↩️ Жоқ, қалдыру
privacy-kept = Ештеңе жойылған жоқ.
privacy-done = ✅ Деректеріңіз жойылды. Маған қайта жазсаңыз, бәрін басынан бастаймын.
# /stats: сақтау мерзімі біткенде іс-шараның дербес деректері қашан жойылатыны (аяқталғаннан кейін privacy.retainFor).
privacy-retention-stats = 🔒 Осы іс-шараның дербес деректері ({ $kinds }) жойылатын күн: { $date }.
# The kinds of personal data in privacy-retention-stats: contest links and idea authors only where the event has them.
privacy-data-names = аттар
privacy-data-contacts = байланыс деректері
privacy-data-contest = байқау сілтемелері
privacy-data-ideas = идея авторларының аттары
privacy-retention-done = 🔒 Осы іс-шараның дербес деректері жойылды ({ $date }); жалпы сандар сақталды.

## /privacy: не сақталады, не үшін, қанша уақыт және кім жауапты.
privacy-screen =
    🔒 <b>Осы боттағы дербес деректеріңіз</b>

    <b>Қазір сіз туралы не сақталған</b>
    { $stored }

    <b>Не үшін</b>
    { $purposes } үшін. Келісім мәтініне келіскенге дейін ештеңе сұралмайды.

    <b>Қайда</b>
    Ұйымдастырушылардың серверіндегі боттың дерекқорында. Ұйымдастырушылар қонақтар тізімін көреді; тізімді кім және қашан жүктеп алғаны журналға жазылады.

    <b>Қанша уақыт</b>
    Сақталу мерзімі: { $until } (іс-шара аяқталғаннан кейін { $retain }), содан кейін деректер жойылады. Барлығын қазір жою үшін /forget_me жіберіңіз.

    Дербес деректер операторы: { $controller }{ $known ->
        [yes]
            {""}
            Байланыс: { $contact }
       *[no] {""}
    }
# /privacy's purposes: each only where some event of the series runs it (registration first).
privacy-why-register = Сізді тіркеу және кіреберісте белгілеу
privacy-why-news = іс-шара туралы жаңалықтар мен еске салғыштарды өз тіліңізде жіберу
privacy-why-contest = байқау өткізу
privacy-why-quiz = викторина өткізу
privacy-why-ideas = қалаға арналған идеяларды жинау
privacy-why-feedback = іс-шараның қалай өткенін сұрау
privacy-why-answer = сізге жауап беру
privacy-stored-profile = • Telegram профиліңіз (аты, пайдаланушы аты, тіл): { $state }
privacy-stored-registration = • Тіркелу: { $fields }; келісім берілді: { $at } (нұсқа { $version }, { $language })
privacy-stored-registration-none = • Тіркелу: жоқ
privacy-stored-ideas = • Идеялар: { $count } (мәтін, санат, фото, картадағы нүкте, автор ретінде атыңыз)
privacy-stored-contest = • Байқауға өтінім: { $state } ({ $entry ->
        [own] сілтеме, мәтін
       *[idea] сілтеме, идея
    }, фото, атыңыз)
privacy-stored-quiz = • Викторина жауаптары: { $count }
privacy-stored-language = • Өзіңіз таңдаған тіл: { $state }
privacy-yes = иә
privacy-no = жоқ
privacy-field-name = аты-жөні
privacy-field-answers = { $count } сұраққа жауаптар
privacy-field-companions = бірге келетіндердің аты-жөні ({ $count })
privacy-field-ticket = мәртебе, билет коды, күндер
privacy-duration = { $unit ->
        [d] { $count } күн
        [h] { $count } сағат
       *[m] { $count } минут
    }
cmd-privacy = Деректерім: не сақталады және не үшін
