# The series: the list of its events, choosing one, deep links.
cmd-events = All events of the series
menu-events = 🗓 All events
# One line above each screen that is about one event (only when the series has several).
event-heading = 🗓 <b>{ $title }</b>
start-series =
    Hello, { $name }! 👋
    I am the assistant of { $titled ->
        [no] this series of events
       *[yes] <b>{ $series }</b>
    }.
start-series-about = { $about }
start-series-current = Now in focus: <b>{ $title }</b> — { $when }.
events-title =
    <b>Events of { $titled ->
        [no] this series
       *[yes] { $series }
    }</b>
events-upcoming = <b>Upcoming</b>
events-past = <b>Past</b>
events-none-upcoming = No upcoming events yet.
# ✅ marks an event the user is registered for (confirmed or on the waiting list).
events-line = { $registered ->
    [yes] ✅ { $when } — { $title }
   *[no] { $when } — { $title }
}
events-registered-note = ✅ — you are registered.
events-choose = Choose an event to open it.
events-link = { $title }: { $link }
events-links-title = <b>Deep links (organisers)</b>
events-unknown = I don't know that event: it may have been removed. Here are the events of the series.
# The same in a bot of one event: its menu follows.
events-unknown-single = I don't know that event: it may have been removed.
events-opened = You are now in: <b>{ $title }</b> — { $when }.
# Under an idea proposed while an event of the series was running.
ideas-card-event = 🗓 Proposed during: { $title }
