# The Mini App (English): texts of the web screens opened from the bot.

## Common
miniapp-loading = Loading…
miniapp-open-in-telegram = Please open this page from the bot in Telegram.
miniapp-error = Something went wrong. Please try again.
miniapp-forbidden = This screen is not available to you.
miniapp-back = ← Back
miniapp-home-door = 🚪 Door check-in
miniapp-home-dashboard = 📊 Dashboard
miniapp-home-map = 🗺 Map of ideas
miniapp-home-ticket = 🎟 My ticket

## Door mode
miniapp-door-title = Door check-in
miniapp-door-scan = 📷 Scan tickets
miniapp-door-scan-hint = Point the camera at a ticket's QR code
miniapp-door-no-scanner = This Telegram app cannot scan: type the code or search by name.
miniapp-door-counter = Checked in { $checkedIn } of { $total }
miniapp-door-welcome = Welcome, { $name }!
miniapp-door-welcome-group = Welcome, { $name } (+{ $group })!
# Under a welcome scanned before the event's day: counted all the same (a rehearsal).
miniapp-door-early = ⚠️ Today is not the event's day. It starts: { $day }.
miniapp-door-already = Already checked in at { $time } by { $by }
miniapp-door-already-at = Already checked in at { $time }
miniapp-door-not-found = Ticket not found
miniapp-door-waitlisted = On the waiting list: no seat
miniapp-door-other-event = A ticket for another event
miniapp-door-cancelled = Registration cancelled
miniapp-door-search = Search by name
miniapp-door-search-hint = Type at least 3 letters
miniapp-door-search-none = Nobody found
miniapp-door-checkin = Check in
# A companion found by their own name in the door search: the guest who registered them.
miniapp-door-companion = { $name } (with { $guest })
miniapp-door-checked-in = ✓ Checked in
miniapp-door-code = Ticket code
miniapp-door-code-placeholder = e.g. K7M2QX

## Dashboard
miniapp-dash-title = Dashboard
miniapp-dash-confirmed = Confirmed
miniapp-dash-waitlisted = Waiting list
miniapp-dash-cancelled = Cancelled
miniapp-dash-checked-in = Checked in
miniapp-dash-pending = Awaiting approval
miniapp-dash-capacity = Capacity
miniapp-dash-per-day = Registrations per day
miniapp-dash-ideas = Ideas
miniapp-dash-ideas-pending = Awaiting moderation
miniapp-dash-ideas-published = Published
miniapp-dash-broadcasts = Broadcasts
miniapp-dash-feedback = Feedback
miniapp-dash-feedback-responses = Responses
miniapp-dash-nps = NPS
miniapp-dash-guests = Guests
miniapp-dash-search = Search guests
miniapp-dash-status-all = All statuses
miniapp-dash-checkin-all = Checked in or not
miniapp-dash-checkin-yes = Checked in
miniapp-dash-checkin-no = Not checked in
miniapp-dash-question = Filter by an answer…
miniapp-dash-answer = Answer contains
miniapp-dash-csv = ⬇ Download CSV
miniapp-dash-shown = Shown: { $count }
miniapp-dash-no-guests = No guests match.
miniapp-status-confirmed = Confirmed
miniapp-status-waitlisted = Waiting list
miniapp-status-cancelled = Cancelled
miniapp-status-pending = Awaiting approval

## Ideas map
miniapp-map-title = Map of ideas
miniapp-map-category-all = All categories
miniapp-map-status-all = All statuses
miniapp-map-none = No ideas with a place on the map yet.
miniapp-idea-number = Idea #{ $number }
miniapp-idea-support = 👍 Support
miniapp-idea-supported = ✅ You support it
miniapp-idea-supports = Supports: { $supports }
miniapp-idea-close = Close
miniapp-idea-status-new = Awaiting moderation
miniapp-idea-status-published = Published
miniapp-idea-status-under-review = Under review
miniapp-idea-status-accepted = Accepted
miniapp-idea-status-rejected = Rejected

## My ticket
miniapp-ticket-title = My ticket
miniapp-ticket-none = You have no ticket yet: register in the bot.
miniapp-ticket-waitlisted = You are on the waiting list: the ticket appears here when a seat is free.
miniapp-ticket-code = Code: { $code }
miniapp-ticket-group = Guests with you: +{ $group }
miniapp-ticket-calendar = 📅 Add to calendar
