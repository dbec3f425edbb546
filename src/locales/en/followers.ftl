# Followers of the series: /notifications, announcements of new events and the nudge before one.
cmd-notifications = Notifications about new events
menu-notifications = 🔔 Notifications
followers-on = 🔔 Notifications are on: the bot tells you when a new event of { $titled ->
        [no] this series
       *[yes] { $series }
    } is announced, and three days before an event you have not registered for.
followers-off = 🔕 Notifications are off: the bot will not tell you about new events of { $titled ->
        [no] this series
       *[yes] { $series }
    }. Messages about events you registered for still come.
followers-turn-off = 🔕 Turn off
followers-turn-on = 🔔 Turn on
followers-turned-off = Notifications are off
followers-turned-on = Notifications are on
followers-event-gone = This event is no longer in the series.
followers-register-button = 📝 Register
followers-announcement =
    🆕 New event: <b>{ $title }</b>
    🗓 { $when }
    📍 { $venue }, { $address }

    Register with the button below.
followers-nudge =
    ⏳ <b>{ $title }</b> is in three days: { $when }, { $venue }.
    You have not registered yet — there may still be seats.
broadcast-audience-followers = All followers (notifications on)
broadcast-ask-event = Which event is it about? Its guests are the audience.
broadcast-event-field = Event
