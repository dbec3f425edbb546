# Басты байқау: ережелер, өтінімдер, қазылар алқасы және жеңімпаз. Байқау деректері іс-шара файлынан алынады.
contest-none = Бұл іс-шарада байқау жоқ.
contest-rules =
    🏆 <b>{ $title }</b>

    { $rules }

    🎁 <b>Жүлде:</b> { $prize }
contest-deadline-open = ⏰ <b>Өтінімдер қабылданады:</b> { DATIVE($deadline) } дейін ({ $duration } қалды)
contest-deadline-closed = 🔒 <b>Өтінім қабылдау аяқталды:</b> { $deadline }.
contest-hashtags = #️⃣ { $count ->
        [1] <b>Хэштег</b> (көшіру үшін басыңыз)
       *[other] <b>Хэштегтер</b> (көшіру үшін басыңыз)
    }: <code>{ $hashtags }</code>
contest-no-bot-scraping = Бот постыңызды өзі ашпайды: қазылар алқасы оны сілтеме арқылы қарайды.
contest-submit = 📤 Өтінімімді жіберу
contest-edit = ✏️ Өтінімімді өзгерту
contest-my-entry = 📄 Менің өтінімім
contest-closed = 🔒 Өтінім қабылдау жабылды (мерзімі: { $deadline }).
contest-ask-link =
    { $sites } сайтындағы постыңыздың сілтемесін жіберіңіз.
    Қосымшада: ⋯ → Сілтемені көшіру. Ол https:// деп басталады
contest-link-not-url = Бұл сілтемеге ұқсамайды. Постты ашып, ⋯ → Сілтемені көшіру басып, осында жіберіңіз.
contest-link-not-https = Сілтеме https:// деп басталуы керек.
contest-link-host = Бұл сілтеме рұқсат етілген сайттан емес. Рұқсат етілгендер: { $hosts }.
contest-link-not-post = Бұл жеке пост емес, профиль немесе парақ сияқты. Посттың өзін ашып, оның сілтемесін көшіріңіз.
contest-ask-idea = Қалаға арналған идеяңызды бірнеше сөйлеммен сипаттаңыз ({ $min }–{ $max } таңба).
# After the file's own entry question (contest.entryQuestion).
contest-text-limits = ({ $min }–{ $max } таңба).
contest-idea-too-short = Тым қысқа: кемінде { $min } таңба жазыңыз.
contest-idea-too-long = Тым ұзын: { $length } таңба, ал ең көбі { $max } таңба болуы керек.
contest-ask-photo = Постыңыздың скриншотын немесе фотосуреттің өзін жіберіңіз (файл емес, фото ретінде).
contest-photo-expected = Фотосурет жіберіңіз (файл немесе стикер емес).
contest-text-expected = Мұнда мәтін жіберіңіз.
contest-keep = ↩️ Бұрынғысын қалдыру
contest-cancelled = Тоқтатылды. Өтініміңіз өзгерген жоқ.
# A first entry left with /cancel: there was none to keep.
contest-cancelled-new = Тоқтатылды. Өтінім жіберілмеді, ештеңе сақталған жоқ.
contest-saved = ✅ Өтініміңіз сақталды. Оны { DATIVE($deadline) } дейін өзгертуге болады.
contest-entry =
    📄 <b>Сіздің өтініміңіз</b>
    🔗 { $link }
    💡 { $idea }
    📷 Фото алынды.

    <b>Мәртебесі:</b> { $status }
contest-no-entry = Сіз әлі байқауға өтінім жіберген жоқсыз.
contest-status-submitted = қабылданды, қазылар алқасы қарайды
contest-status-shortlisted = ⭐ қазылардың қысқа тізімінде
contest-status-winner = 🏆 жеңімпаз!
contest-status-runner-up = 🥈 жүлдегер

## Қазылар алқасы
contest-entries-empty = Әзірге өтінімдер жоқ.
contest-ranking-title = 📊 <b>Рейтинг</b> — өтінімдер саны: { $count }, орташа баға бойынша
contest-ranking-line = { $place }. { $mark }{ $name } — { $scores ->
        [0] әзірге баға жоқ
       *[other] { $average } (бағалар саны: { $scores })
    }
contest-card =
    <b>{ $place }.</b> { $mark }{ $name }
    🔗 { $link }
    💡 { $idea }

    📊 { $scores ->
        [0] Әзірге баға жоқ
       *[other] Орташа баға: { $average } (бағалар: { $scores }, қазылар: { $jurors })
    }
contest-card-criterion = { $marker } { $criterion } — сіздің бағаңыз: { $score }
contest-shortlisted = ⭐ қысқа тізімде
contest-shortlist-add = ⭐ Қысқа тізімге қосу
contest-shortlist-remove = ☆ Қысқа тізімнен алып тастау
contest-scored = Сақталды: { $criterion } — { $score }
contest-shortlist-on = Қысқа тізімге қосылды.
contest-shortlist-off = Қысқа тізімнен алынды.
contest-card-own = 🙋 Бұл — сіздің өтініміңіз: оны қазылар алқасының басқа мүшелері бағалайды.
contest-own-entry = Өз өтініміңізді бағалауға немесе қысқа тізімге қосуға болмайды.
contest-entry-gone = Бұл өтінім енді жоқ.
contest-entries-more = ⬇️ Тағы ({ $shown }/{ $total })

## Жеңімпаз
contest-winner-choose = 🏆 <b>Жеңімпазды таңдаңыз</b> (рейтинг бойынша):
contest-winner-draft =
    🏆 Жеңімпаз: <b>{ $winner }</b>
    🥈 Жүлдегерлер: { $runners }

    Жүлдегерлерді қосу не алып тастау үшін төмендегі өтінімдерді басыңыз, содан кейін хабарландыруды қараңыз.
contest-winner-none = жоқ
contest-winner-preview-button = 👁 Алдын ала қарау
contest-winner-change = ⬅️ Басқа жеңімпаз таңдау
contest-winner-preview-header = 👁 Алдын ала қарау — { $language ->
        [ru] орыс
        [en] ағылшын
       *[kk] қазақ
    } тіліндегі нұсқа:
contest-winner-confirm-question = Бұл хабарландыруды ботты іске қосқандардың бәріне жіберіп, жеңімпазды құттықтаймыз ба?
contest-winner-send = ✅ Барлығына жіберу
contest-winner-sent = ✅ Дайын: жеңімпаз құттықталды, хабарландыру { $count } пайдаланушыға жіберілуде.
contest-winner-already =
    ℹ️ Хабарландыру жіберіліп қойған ({ $at }). Оны екі рет жіберуге болмайды. Міне, ол:

    { $text }
contest-winner-stale = Бұл таңдау ескірген: /winner командасын қайта орындаңыз.
contest-winner-early = ⚠️ Өтінімдер қабылдау әлі жабылған жоқ (мерзімі: { $deadline }): жеңімпаз жарияланғаннан кейін жаңа өтінімдер ескерілмейді. Бәрібір жеңімпазды қазір таңдау керек пе?
contest-winner-anyway = ▶️ Бәрібір таңдау
contest-winner-cancel = ❌ Бас тарту
contest-winner-cancelled = Жеңімпаз таңдалмады, ештеңе жіберілген жоқ.
contest-announcement =
    🏆 <b>{ $title }</b>: жеңімпаз — <b>{ $winner }</b>!

    💡 { $idea }
    🔗 { $link }

    🎁 Жүлде: { $prize }. Барлық қатысушыға рақмет!
contest-announcement-runners = 🥈 Жүлдегерлер: { $names }
contest-erased = (деректер өшірілген)
contest-congratulation = 🎉 Құттықтаймыз, { $name }! Қазылар алқасы сіздің өтініміңізді «{ $title }» байқауының жеңімпазы деп таныды. Жүлде: { $prize }. Ұйымдастырушылар сізбен байланысады.

## Мәзірдегі командалардың сипаттамасы
cmd-entries = Байқау өтінімдері (қазылар)
cmd-winner = Байқау жеңімпазын жариялау

## The form's name, as the shared form rules say it (src/ui/form/ask.ts)
contest-form-title = Байқауға өтінім

## Asked once, before the first one (src/ui/consent.ts)
contest-consent =
    🔒 <b>Өтінім алдында</b>
    Өтініміңіз (жазбаңызға { $entry ->
        [own] сілтеме, мәтін
       *[idea] сілтеме, идея
    } және фото) Telegram-дағы атыңызбен және пайдаланушы атыңызбен бірге қазылар алқасы мен ұйымдастырушылар үшін сақталады; жеңімпаздың аты мен өтінімі жарияланады. Мұның бәрі іс-шара деректері жойылғанша сақталады (/privacy қараңыз); /forget_me оны ертерек жояды.
    Дербес деректер операторы: { $controller }
