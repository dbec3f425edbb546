# Серия: оның іс-шаралар тізімі, іс-шараны таңдау, тікелей сілтемелер.
cmd-events = Сериядағы барлық іс-шаралар
menu-events = 🗓 Барлық іс-шаралар
# Бір іс-шара туралы әр экранның үстіндегі жол (серияда бірнеше іс-шара болғанда ғана).
event-heading = 🗓 <b>{ $title }</b>
start-series =
    Сәлеметсіз бе, { $name }! 👋
    Мен { $titled ->
        [no] осы іс-шаралар сериясының
       *[yes] <b>{ $series }</b> сериясының
    } көмекшісімін.
start-series-about = { $about }
start-series-current = Қазір назарда: <b>{ $title }</b> — { $when }.
events-title =
    <b>{ $titled ->
        [no] Осы сериядағы іс-шаралар
       *[yes] { $series }: сериядағы іс-шаралар
    }</b>
events-upcoming = <b>Алдағы іс-шаралар</b>
events-past = <b>Өткен іс-шаралар</b>
events-none-upcoming = Әзірге алдағы іс-шаралар жоқ.
# ✅ — пайдаланушы тіркелген (расталған немесе күту тізімінде).
events-line = { $registered ->
    [yes] ✅ { $when } — { $title }
   *[no] { $when } — { $title }
}
events-registered-note = ✅ — сіз тіркелгенсіз.
events-choose = Ашу үшін іс-шараны таңдаңыз.
events-link = { $title }: { $link }
events-links-title = <b>Тікелей сілтемелер (ұйымдастырушыларға)</b>
events-unknown = Мұндай іс-шараны білмеймін: мүмкін, ол алынып тасталған. Міне, сериядағы іс-шаралар.
# The same in a bot of one event: its menu follows.
events-unknown-single = Мұндай іс-шараны білмеймін: мүмкін, ол алынып тасталған.
events-opened = Сіз іс-шараға өттіңіз: <b>{ $title }</b> — { $when }.
# Under an idea proposed while an event of the series was running.
ideas-card-event = 🗓 Мына іс-шара кезінде ұсынылған: { $title }
