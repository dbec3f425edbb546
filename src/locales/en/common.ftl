# Interface strings (English). Event facts come from the event file, never from here.
language-name = English
# dayjs patterns for dates and times in this language
date-pattern = D MMMM YYYY
time-pattern = H:mm
# The last joiner of a list (src/ui/format.ts, formatList): "a, b and c", "a, b or c".
list-and = { $rest } and { $last }
list-or = { $rest } or { $last }

## Start and main menu
start-greeting =
    Hello, { $name }! 👋
    I am the assistant of <b>{ $title }</b> — { $when }.
    { $offers ->
        [past] The event is over. Here you can read about it.
        [past-ideas] The event is over. Here you can read about it and share your ideas for the city.
        [contest] Here you can read about the event, register and take part in the contest.
        [ideas] Here you can read about the event, register and share your ideas for the city.
        [none] Here you can read about the event and register.
       *[all] Here you can read about the event, register, take part in the contest and share your ideas for the city.
    }
menu-title = What would you like to do?
menu-info = ℹ️ Event info
menu-rsvp = 📝 Registration
menu-contest = 🏆 Contest
menu-idea = 💡 Ideas for the city
menu-language = 🌐 Language
menu-back = ⬅️ Menu

## Event info
info-when = 🗓 <b>When:</b> { $when }
info-where = 📍 <b>Where:</b> { $venue }, { $address }
info-countdown-upcoming = ⏳ Starts { $relative }.
info-countdown-ongoing = 🔴 Happening right now.
info-countdown-past = ✔️ The event already took place.
info-programme = 📋 Programme
info-speakers = 🎤 Speakers
info-organisers = 🤝 Organisers
info-contacts = ☎️ Contacts
info-calendar = 📅 Add to calendar
info-venue = 📍 Show on map
info-venue-shown = { $where ->
        [above] 📍 The map pin is already in the chat, right above this message.
       *[below] 📍 The map pin is already in the chat, below this message.
    }
info-back = ⬅️ Back
info-programme-title = 📋 <b>Programme</b>
# The day above its items in the programme of an event of several days.
info-programme-day = 🗓 <u>{ $day }</u>
# The pages of a long programme (or list of organisers): one message holds 4,096 characters at most.
info-page-previous = ◀️ Previous
info-page-next = Next ▶️
info-speakers-title = 🎤 <b>Speakers</b>
info-organisers-title = 🤝 <b>Organisers and partners</b>
info-contacts-title = ☎️ <b>Contacts</b>
info-links-title = 🔗 <b>Follow us</b>
info-phone = Tel.: { $phone }
info-email = E-mail: { $email }
info-empty = Nothing here yet.
calendar-caption = Open this file to add the event to your calendar. It will remind you an hour before the start.

## Language
language-choose = 🌐 Choose your language:
language-set = ✅ Language: English.
language-only = 🌐 This bot speaks English only.

## Help and fallbacks
help =
    <b>What I can do</b>
    /start — main menu
# The /info line names only what the event file has ($details: both, programme, contacts, none).
help-info = /info — about the event: { $details ->
        [both] time, place, programme, contacts
        [programme] time, place, programme
        [contacts] time, place, contacts
       *[none] time and place
    }
help-rsvp = /rsvp — register for the event
# Only in a series of more than one event, as the menu's 🗓 button.
help-events =
    /events — all events of the series
    /notifications — messages about new events: on or off
# The contest's and the ideas' lines: only for an event that has them.
help-contest = /contest — contest rules and your entry
help-idea = /idea — propose an idea for the city
# Only where the bot speaks more than one language.
help-language = /language — change the language
help-more =
    /cancel — stop what you are doing
    /privacy — what the bot stores about me
    /forget_me — delete my data
    /help — this help
cancel-nothing = There is nothing to cancel. Here is the menu.
cancel-consent = Cancelled: you did not agree, so nothing was saved. Here is the menu.
unhandled-text = I didn't understand that. Use the buttons below or /help.
unhandled-media = I can't use this here. Use the buttons below or /help.
# A text message edited after it was sent: neither a form nor a command reads edits.
unhandled-edited = ✏️ I don't see edits of messages already sent: please send it again as a new message.
unhandled-edited-form = ✏️ I don't see edits of messages already sent: the form keeps the answer as you first sent it.
stale-button = This button is no longer active.
flood-notice = 🐢 You are sending messages too fast. Please wait a moment, then continue.
error-unavailable = 🔧 The bot is temporarily unavailable. Please try again in a minute.
error-generic = 😔 Sorry, something went wrong. Please try again in a moment.

## Groups
group-start = Hello! I work in private chat: open it to read about <b>{ $title }</b> and take part.
group-open = Open the bot

## Organisers
admin-only = Only organisers can do this.
jury-only = This is for the jury and the organisers.
admin-panel =
    🛠 <b>Organiser panel</b>
    Users who started the bot: { $users }
    By language: { $languages }
    Choose a tool:
admin-tool-stats = 📊 Statistics
admin-tool-export = 📄 Guest list (CSV)
admin-tool-requests = 🙋 Requests to approve
admin-tool-checkin = 🎫 Check-in at the door
admin-tool-ideas = 💡 Ideas: review
admin-tool-entries = 🏆 Entries and jury
admin-tool-broadcast = 📣 New broadcast
admin-tool-broadcasts = 📋 Broadcasts
admin-tool-winner = 🥇 Winner
admin-tool-quiz = ❓ Quiz
admin-tool-feedback = 📝 Feedback
admin-tool-audit = 🧾 Audit log
audit-title = 🧾 <b>Organisers' actions</b> (latest { $count })
audit-empty = The audit log is empty: no organiser actions yet.
audit-someone = (data erased)
audit-winner = Contest winner: { $winner }; { $runners }
audit-runners = runners-up: { $names }
audit-runners-none = no runners-up
audit-check-in = Checked in at the door: { $guest }
audit-export-guests = Guest list exported: { $count ->
        [one] { $count } row
       *[other] { $count } rows
    }
audit-export-ideas = Ideas exported: { $count ->
        [one] { $count } idea
       *[other] { $count } ideas
    }
audit-idea-status = Idea #{ $id } → { $status }
audit-idea-custom-reason = own words
audit-broadcast = { $name } → { $audience } ({ $count ->
        [one] { $count } recipient
       *[other] { $count } recipients
    })
audit-broadcast-scheduled = { $name } → { $audience }, scheduled for { $when }
audit-broadcast-stopped = Stopped: { $name }
audit-broadcast-cancelled = Cancelled: { $name }

## Command menu descriptions
cmd-start = Main menu
cmd-info = About the event
cmd-rsvp = Register
cmd-contest = Contest
cmd-idea = Propose an idea
cmd-language = Language
cmd-help = Help
cmd-cancel = Cancel
cmd-audit = Audit log of organiser actions
cmd-admin = Organiser panel
cmd-broadcast = Broadcast a message
cmd-broadcasts = Broadcasts and reminders
cmd-feedback = Feedback after the event

# The Mini App's buttons (only with MINIAPP_URL): the chat's menu button, and the attendees' buttons.
webapp-menu-dashboard = Dashboard
webapp-menu-door = Door
webapp-open-ticket = 📱 Open ticket
webapp-ideas-map = 🗺 Map of ideas
cmd-requests = Registration requests to approve
