# /reload (admins), the archive of past events and the series' calendar.
cmd-reload = Reload the event files
reload-unavailable = Reloading is not available in this mode.
reload-failed = ❌ <b>Not reloaded.</b> { $count ->
    [one] One file has problems;
   *[other] { $count } files have problems;
} the events in force stay as they were. Fix these and send /reload again:
reload-file = 📄 <code>{ $file }</code>
reload-problem = • { $problem }
reload-done = ✅ <b>The event files are reloaded.</b>
reload-added = ➕ Added ({ $count }): { $events }
reload-changed = ✏️ Changed ({ $count }): { $events }
reload-removed = 🗄 Removed, archived ({ $count }): { $events }
reload-unchanged = ▫️ Unchanged ({ $count }): { $events }
reload-none = —
archive-title = 🗄 <b>{ $title }</b>
archive-dates = 🗓 { $when }
archive-venue = 📍 { $venue }, { $address }
archive-winner = 🏆 Contest winner: <b>{ $name }</b>
archive-winner-erased = 🏆 The contest winner was announced.
archive-guests = 👥 Guests: { $confirmed } registered, { $checkedIn } came
archive-ideas = 💡 Ideas proposed during the event: { $count }
archive-archived = This event is in the archive: its registrations and results are kept.
archive-open = ➡️ Open the event
archive-back = ⬅️ All events
events-calendar-button = 📅 Add all to calendar
events-calendar-caption = { $count ->
    [one] The upcoming event
   *[other] { $count } upcoming events
} of the series: open the file to add them to your calendar.
events-calendar-none = There are no upcoming events to add yet.
