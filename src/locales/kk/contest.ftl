# Басты байқау: ережелер, жұмыстар, қазылар алқасы және жеңімпаз. Байқау деректері іс-шара файлынан алынады.
contest-none = Бұл іс-шарада байқау жоқ.
contest-rules =
    🏆 <b>{ $title }</b>

    { $rules }

    🎁 <b>Жүлде:</b> { $prize }
contest-deadline-open = ⏰ <b>Жұмыстар қабылданады:</b> { $deadline } дейін ({ $relative })
contest-deadline-closed = 🔒 <b>Жұмыс қабылдау аяқталды:</b> { $deadline }.
contest-hashtags = #️⃣ <b>Хэштегтер</b> (көшіру үшін басыңыз): <code>{ $hashtags }</code>
contest-no-bot-scraping = Бот Instagram мен Facebook-ке кірмейді: қазылар алқасы постыңызды сілтеме арқылы ашады.
contest-submit = 📤 Жұмысымды жіберу
contest-edit = ✏️ Жұмысымды өзгерту
contest-my-entry = 📄 Менің жұмысым
contest-closed = 🔒 Жұмыс қабылдау жабылды: мерзімі { $deadline } аяқталды.
contest-ask-link =
    <b>1-қадам (3 қадамның).</b> Instagram немесе Facebook-тегі постыңыздың сілтемесін жіберіңіз.
    Қосымшада: ⋯ → Сілтемені көшіру. Ол https:// деп басталады
contest-link-not-url = Бұл сілтемеге ұқсамайды. Постты ашып, ⋯ → Сілтемені көшіру басып, осында жіберіңіз.
contest-link-not-https = Сілтеме https:// деп басталуы керек
contest-link-host = Бұл сілтеме рұқсат етілген сайттан емес. Рұқсат етілгендер: { $hosts }.
contest-link-not-post = Бұл жеке пост емес, профиль немесе парақ сияқты. Постың өзін ашып, оның сілтемесін көшіріңіз.
contest-ask-idea = <b>2-қадам (3 қадамның).</b> Қалаға арналған идеяңызды бірнеше сөйлеммен сипаттаңыз ({ $min }–{ $max } таңба).
contest-idea-too-short = Тым қысқа: кемінде { $min } таңба жазыңыз.
contest-idea-too-long = Тым ұзын: { $length } таңба, ал шегі — { $max }.
contest-ask-photo = <b>3-қадам (3 қадамның).</b> Постыңыздың скриншотын немесе фотосуреттің өзін жіберіңіз (файл емес, фото ретінде).
contest-photo-expected = Фотосурет жіберіңізші (файл да, стикер де емес).
contest-text-expected = Мұнда мәтін жіберіңізші.
contest-keep = ↩️ Бұрынғысын қалдыру
contest-cancel = ✖️ Бас тарту
contest-cancelled = Тоқтатылды. Жұмысыңыз өзгерген жоқ.
contest-too-many-tries = Осы жерден тоқтайық. Дайын болғанда /contest арқылы қайта бастаңыз.
contest-saved = ✅ Жұмысыңыз сақталды. Оны { $deadline } дейін өзгертуге болады.
contest-entry =
    📄 <b>Сіздің жұмысыңыз</b>
    🔗 { $link }
    💡 { $idea }
    📷 Фото алынды.

    <b>Мәртебесі:</b> { $status }
contest-no-entry = Сіз әлі байқауға қатысқан жоқсыз.
contest-status-submitted = қабылданды, қазылар алқасы қарайды
contest-status-shortlisted = ⭐ қазылардың қысқа тізімінде
contest-status-winner = 🏆 жеңімпаз!
contest-status-runner-up = 🥈 жүлдегер

## Қазылар алқасы
contest-jury-only = Бұл бөлім қазылар алқасы мен ұйымдастырушыларға арналған.
contest-entries-empty = Әзірге жұмыстар жоқ.
contest-ranking-title = 📊 <b>Рейтинг</b> — жұмыстар саны: { $count }, орташа баға бойынша
contest-ranking-line = { $place }. { $mark }{ $name } — { $average } (бағалар саны: { $scores })
contest-card =
    <b>{ $place }.</b> { $mark }{ $name }
    🔗 { $link }
    💡 { $idea }

    📊 Орташа баға: { $average } (бағалар: { $scores }, қазылар: { $jurors })
contest-card-criterion = { $marker } { $criterion } — сіздің бағаңыз: { $score }
contest-shortlisted = ⭐ қысқа тізімде
contest-shortlist-add = ⭐ Қысқа тізімге қосу
contest-shortlist-remove = ☆ Қысқа тізімнен алып тастау
contest-scored = Сақталды: { $criterion } — { $score }
contest-shortlist-on = Қысқа тізімге қосылды.
contest-shortlist-off = Қысқа тізімнен алынды.
contest-entry-gone = Бұл жұмыс енді жоқ.
contest-entries-more = ⬇️ Тағы ({ $total } ішінен { $shown })

## Жеңімпаз
contest-winner-choose = 🏆 <b>Жеңімпазды таңдаңыз</b> (рейтинг бойынша):
contest-winner-draft =
    🏆 Жеңімпаз: <b>{ $winner }</b>
    🥈 Жүлдегерлер: { $runners }

    Жүлдегерлерді қосу не алып тастау үшін төмендегі жұмыстарды басыңыз, содан кейін хабарландыруды қараңыз.
contest-winner-none = жоқ
contest-winner-preview-button = 👁 Алдын ала қарау
contest-winner-change = ⬅️ Басқа жеңімпаз таңдау
contest-winner-preview-header = 👁 Алдын ала қарау — { $language }:
contest-winner-confirm-question = Бұл хабарландыруды ботты іске қосқандардың бәріне жіберіп, жеңімпазды құттықтаймыз ба?
contest-winner-send = ✅ Барлығына жіберу
contest-winner-sent = ✅ Дайын: жеңімпаз құттықталды, хабарландыру { $audience } пайдаланушыға жіберілуде.
contest-winner-already =
    ℹ️ Хабарландыру { $at } жіберіліп қойған. Оны екі рет жіберуге болмайды. Міне, ол:

    { $text }
contest-winner-stale = Бұл таңдау ескірген: /winner командасын қайта орындаңыз.
contest-announcement =
    🏆 <b>{ $title }</b>: жеңімпаз — <b>{ $winner }</b>!

    💡 { $idea }
    🔗 { $link }

    🎁 Жүлде: { $prize }. Барлық қатысушыларға рахмет!
contest-announcement-runners = 🥈 Жүлдегерлер: { $names }
contest-erased = (деректер өшірілген)
contest-congratulation = 🎉 Құттықтаймыз, { $name }! Қазылар алқасы сіздің жұмысыңызды «{ $title }» байқауының жеңімпазы деп таныды. Жүлде: { $prize }. Ұйымдастырушылар сізбен байланысады.

## Мәзірдегі командалардың сипаттамасы
cmd-entries = Байқау жұмыстары (қазылар)
cmd-winner = Байқау жеңімпазын жариялау
