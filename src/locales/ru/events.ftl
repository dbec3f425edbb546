# Серия: список её событий, выбор события, прямые ссылки.
cmd-events = Все события серии
menu-events = 🗓 Все события
# Строка над каждым экраном об одном событии (только когда в серии их несколько).
event-heading = 🗓 <b>{ $title }</b>
start-series =
    Здравствуйте, { $name }! 👋
    Я помощник { $titled ->
        [no] этой серии событий
       *[yes] серии <b>{ $series }</b>
    }.
start-series-about = { $about }
start-series-current = Сейчас в фокусе: <b>{ $title }</b> — { $when }.
events-title =
    <b>События { $titled ->
        [no] этой серии
       *[yes] серии { $series }
    }</b>
events-upcoming = <b>Предстоящие</b>
events-past = <b>Прошедшие</b>
events-none-upcoming = Предстоящих событий пока нет.
# ✅ — пользователь зарегистрирован (подтверждён или в листе ожидания).
events-line = { $registered ->
    [yes] ✅ { $when } — { $title }
   *[no] { $when } — { $title }
}
events-registered-note = ✅ — вы зарегистрированы.
events-choose = Выберите событие, чтобы открыть его.
events-link = { $title }: { $link }
events-links-title = <b>Прямые ссылки (для организаторов)</b>
events-unknown = Такого события я не знаю: возможно, его убрали. Вот события серии.
# The same in a bot of one event: its menu follows.
events-unknown-single = Такого события я не знаю: возможно, его убрали.
events-opened = Вы перешли к событию: <b>{ $title }</b> — { $when }.
# Under an idea proposed while an event of the series was running.
ideas-card-event = 🗓 Предложена во время события: { $title }
