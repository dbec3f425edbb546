# Broadcasts and reminders (English)

## Progress and reports (to the organiser)
broadcast-progress =
    📣 <b>{ $kind ->
        [reminder] Reminder
       *[other] Broadcast
    } “{ $excerpt }”</b>
    Sent: { $sent } · failed: { $failed } · blocked: { $blocked }
    Remaining: { $remaining } of { $total }
    Rate: { $rate } msg/s · time left: { $eta }
broadcast-report-done =
    ✅ <b>{ $kind ->
        [reminder] Reminder
       *[other] Broadcast
    } “{ $excerpt }” finished</b>
    Sent: { $sent } · failed: { $failed } · blocked the bot: { $blocked } (of { $total })
broadcast-report-cancelled =
    ⛔ <b>{ $kind ->
        [reminder] Reminder
       *[other] Broadcast
    } “{ $excerpt }” stopped</b>
    Sent: { $sent } · failed: { $failed } · blocked the bot: { $blocked } · not sent: { $remaining } (of { $total })
broadcast-stop-button = ⛔ Stop the broadcast
broadcast-stopped = Broadcast stopped.
broadcast-not-running = This broadcast is no longer running.

## /broadcast
broadcast-ask-mode =
    📣 <b>New broadcast</b>
    Will everyone get the same message, or do you want to write one per language?
broadcast-mode-one = One message for everyone
broadcast-mode-per-language = One per language
broadcast-ask-message = Send the message: text (bold, italic, links are kept) or a photo with a caption.
broadcast-ask-message-in = Send the message in <b>{ $language ->
        [ru] Russian
        [kk] Kazakh
       *[en] English
    }</b>: text or a photo with a caption.
broadcast-message-hint = I need a text message or a photo with a caption here (no stickers, voice or files).
broadcast-message-too-long = That is too long for one message ({ $length ->
        [one] { $length } character
       *[other] { $length } characters
    }, at most { $max }). Please shorten it.
broadcast-ask-audience = Who should receive it?
broadcast-audience-all = Everyone who started the bot
broadcast-audience-confirmed = Registered (confirmed)
broadcast-audience-waitlisted = On the waiting list
broadcast-audience-not_registered = Not registered
broadcast-audience-contest_entrants = Contest entrants
broadcast-audience-idea_authors = Idea authors
broadcast-choose-hint = Please use the buttons.
broadcast-preview =
    👆 <b>Preview</b>: { $language ->
        [all] this is exactly what every recipient will see.
        [ru] this is exactly what recipients who use Russian will see; the others get the versions you sent above.
        [kk] this is exactly what recipients who use Kazakh will see; the others get the versions you sent above.
       *[en] this is exactly what recipients who use English will see; the others get the versions you sent above.
    }
    Audience: <b>{ $audience }</b> — { $count ->
        [one] { $count } recipient
       *[other] { $count } recipients
    } now (counted again when it is sent).
    Send it now or schedule it?
broadcast-send-now = 🚀 Send now
broadcast-schedule = 🕒 Schedule
broadcast-ask-time = Type the time as <code>YYYY-MM-DD HH:mm</code> in the event's time zone ({ $zone }), e.g. <code>{ $example }</code>.
broadcast-time-hint = I couldn't read that. Please type the time as <code>YYYY-MM-DD HH:mm</code>, e.g. <code>{ $example }</code>.
broadcast-time-past = That time has already passed. Please give a time in the future.
broadcast-started = 🚀 Sending to { $count ->
        [one] { $count } recipient
       *[other] { $count } recipients
    }. Progress follows below.
broadcast-scheduled = 🕒 Scheduled for { $when } ({ $zone }). See /broadcasts to cancel it.
broadcast-cancelled = Broadcast cancelled, nothing was sent.
broadcast-duplicate = This broadcast was already queued.

## /broadcasts
broadcast-list-title = 📣 <b>Broadcasts</b> (newest first)
broadcast-list-empty = No broadcasts yet. Start one with /broadcast.
broadcast-list-item = { $status } <b>{ $name }</b> · { $when } · { $audience } · sent { $sent }, failed { $failed }, blocked { $blocked }{ $total }
broadcast-status-scheduled = 🕒
broadcast-status-sending = 📤
broadcast-status-done = ✅
broadcast-status-cancelled = ⛔
broadcast-status-skipped = ⏭
broadcast-drop-button = ❌ Cancel: { $name }
broadcast-dropped = Cancelled: { $name }.
broadcast-name = { $kind ->
        [reminder] Reminder
       *[other] Broadcast
    } “{ $excerpt }”

## The form's name, as the shared form rules say it (src/ui/form/ask.ts)
broadcast-form-title = Broadcast
broadcast-audience-field = Audience
broadcast-audience-checked_in = Checked in at the door
broadcast-audience-no_show = Confirmed but did not come
