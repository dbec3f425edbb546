# Registration (RSVP): the attendee form, "My registration", re-confirmation and the organisers' tools.

## Opening and closing
rsvp-intro =
    📝 <b>Registration: { $title }</b>
    Registration is open until { $deadline } ({ $relative }).
    It takes a minute: first your consent below, then your name{ $questions ->
        [0] .
        [1] {" "}and one question.
       *[other] {" "}and a few questions.
    }
# With rsvp.approval: told before the consent, as the full hall is.
rsvp-intro-approval = 🙋 The organisers approve each registration: after the form your request goes to them, and I will tell you their decision at once.
rsvp-intro-full = ⏳ <b>No seats are left for now.</b> You can still register: you will join the waiting list, and if a seat frees up, I will tell you at once.
rsvp-closed = { $phase ->
        [past] ⛔️ Registration is closed: the event took place on { $when }.
       *[closed]
            ⛔️ Registration closed on { $deadline }.
            If you still want to come, please contact the organisers{ $known ->
                [yes] : { $contact }
               *[no] .
            }
    }

## The form
rsvp-ask-name = 👤 What is your full name? (as on your ID, for the guest list)
rsvp-error-name-length = The name must be 2 to 100 characters long. Please type the full name.
rsvp-error-name-characters = Please use only letters, spaces, hyphens and apostrophes. Type the full name again.
rsvp-error-companion-repeated = { $name } is already in this registration. Please type the full name of the person you bring.
rsvp-skip = Skip ➡️
rsvp-share-phone = 📱 Share my phone
rsvp-error-contact-not-yours = Please share your own number with the “Share my phone” button, or type a number.
rsvp-contact-saved = ✅ Contact saved: { $contact }
rsvp-answer-line = { $label } — { $answer }
rsvp-answer-yes = Yes
rsvp-answer-no = No
rsvp-multi-hint = Tap the options to mark them ✅, then “Done”.
rsvp-multi-use-buttons = Please answer with the buttons of the question: tap the options to mark them ✅, then “Done”.
# After the hint when the file bounds the choice (min/max); none when any number of options will do.
rsvp-multi-at-most = You can choose up to { $max }.
rsvp-multi-at-least = Choose at least { $min }.
rsvp-multi-between = Choose { $min } to { $max }.
rsvp-multi-exactly = Choose { $min }.
rsvp-multi-done = ✔️ Done
rsvp-error-text-short = That is too short: at least { $min ->
        [one] { $min } character
       *[other] { $min } characters
    }. Please type your answer.
# Under a number question's label when the file bounds it or wants it whole ($whole: yes/no).
rsvp-number-between = { $whole ->
        [yes] A whole number
       *[other] A number
    } from { $min } to { $max }.
rsvp-number-at-least = { $whole ->
        [yes] A whole number
       *[other] A number
    } of at least { $min }.
rsvp-number-whole = A whole number.
rsvp-error-number = Please send a number, e.g. 25.
rsvp-error-number-whole = Please send a whole number, without a fraction, e.g. { $example }.
rsvp-error-number-range = Please send a number from { $min } to { $max }.
rsvp-error-number-min = Please send a number of at least { $min }.
rsvp-error-email = This does not look like an e-mail address. Example: name@example.com
rsvp-error-phone = This does not look like a phone number. Examples: { $examples }
rsvp-error-multi-min = Please choose at least { $min ->
        [one] { $min } option
       *[other] { $min } options
    }, then tap “Done”.
rsvp-error-multi-max = At most { $max ->
        [one] { $max } option
       *[other] { $max } options
    } can be chosen: untick one first.
rsvp-stats-question = <b>{ $question }</b> (confirmed)
    { $lines }
# Guests who skipped an optional question, under its options' counts in /stats.
rsvp-stats-not-given = Not given: { $count }
# A number question's answers in /stats: their sum and average.
rsvp-stats-number = Total: { $total } · average: { $average } · answers: { $answered }
rsvp-ask-consent =
    🔒 <b>Consent to the processing of personal data</b>
    { $text }
    Data controller: { $controller }
rsvp-consent-generic = I agree that my name{ $companions ->
        [yes] , the names of the people I bring
       *[no] {""}
    } and my answers to the registration questions will be processed to register me for the event, to send me event updates and to check me in at the entrance. The data will not be passed to third parties and will be kept until { $until }, or deleted earlier at my request (/forget_me).
rsvp-summary =
    📋 <b>Please check your details</b>
    Name: { $name }
    { $answers }
rsvp-none = —
# An optional question left unanswered, after its label: "Your e-mail — not given".
rsvp-not-answered = not given
rsvp-confirm = ✅ Confirm
rsvp-edit = ✏️ Edit a field
rsvp-cancel = ❌ Cancel
rsvp-edit-which = ✏️ What would you like to change?
rsvp-field-name = Name
rsvp-back = ⬅️ Back
rsvp-left = Registration cancelled; nothing was saved. You can start again any time with /rsvp.
rsvp-edit-left = Nothing was changed.
rsvp-closed-meanwhile = ⛔️ Sorry, registration closed while you were filling in the form. Contact the organisers{ $known ->
        [yes] : { $contact }
       *[no] .
    }

## Result and ticket
rsvp-done-confirmed =
    🎉 <b>You are registered!</b>
    Your code: <b>{ $code }</b>
    Show the QR code at the entrance, or give them this code. The calendar file below adds the event to your calendar.
rsvp-waitlisted-why =
    { $reason ->
        [group] Seats left: { $free }, and your group needs { $party }, so you are on the waiting list.
        [queue] Free seats go first to those already waiting, so you are on the waiting list too.
       *[full] All seats are taken, so you are on the waiting list.
    }
rsvp-done-waitlisted =
    ⏳ <b>{ $why }</b>
    Your place in the queue: { $position }. Your code: <b>{ $code }</b>
    If a seat frees up, I will let you know right away.
rsvp-updated = ✅ Your details are updated.
rsvp-ticket-caption = 🎟 Your ticket: { $name }, code { $code }. Show this QR code at the entrance.
rsvp-calendar-caption = 📅 Open this file to add the event to your calendar.
rsvp-status-confirmed = ✅ confirmed
rsvp-status-waitlisted = ⏳ on the waiting list (place { $position })
rsvp-status-cancelled = ❌ cancelled
rsvp-mine =
    🎟 <b>My registration</b>
    Status: { $status }
    Code: <b>{ $code }</b>
    Name: { $name }
    { $answers }
rsvp-mine-locked = The event has started: registrations can no longer be changed.
rsvp-change = ✏️ Change my details
rsvp-withdraw = ❌ Cancel my registration
rsvp-show-ticket = 🎟 Show my ticket
rsvp-ticket-shown = { $where ->
        [above] 🎟 Your ticket is already in the chat, right above this message.
       *[below] 🎟 Your ticket is already in the chat, below this message.
    }
rsvp-withdraw-ask = Cancel your registration? Your seat will go to the next person on the waiting list.
rsvp-withdraw-yes = Yes, cancel it
rsvp-withdraw-no = No, keep it
rsvp-withdrawn = Your registration is cancelled. Changed your mind? Register again with /rsvp while registration is open.
rsvp-not-registered = You have no active registration.
rsvp-promoted =
    🎉 <b>{ $people ->
        [1] Good news: a seat freed up and it is yours!
       *[other] Good news: seats freed up for your group of { $people }!
    }</b>
    You are now registered. Your code: <b>{ $code }</b>
## Re-confirmation
rsvp-reconfirm-ask =
    👋 <b>Still coming to { $title }?</b>
    It starts { $when }. Please confirm by { $by } — otherwise your seat will go to someone on the waiting list.
rsvp-reconfirm-yes = ✅ Yes, I am coming
rsvp-reconfirm-no = ❌ No, I can't come
rsvp-reconfirm-thanks = 🙌 Thank you! See you there.
rsvp-reconfirm-declined = Thank you for letting us know: your seat goes to someone on the waiting list.
rsvp-released-unanswered = ⌛️ You did not confirm that you are coming, so your seat went to someone on the waiting list. If you still want to come, contact the organisers{ $known ->
        [yes] : { $contact }
       *[no] .
    }

## Tickets at the door
rsvp-ticket-not-yours = 🙅 This ticket is not yours. Send /rsvp to see your own registration.
rsvp-ticket-unknown = This ticket is not valid.
rsvp-checkin-card =
    🎟 <b>{ $name }</b>
    Status: { $status }
    Code: { $code }
    { $answers }
rsvp-checkin-button = ✅ Check in
rsvp-checkin-done = ✅ { $name } is checked in.
rsvp-checkin-again = ⚠️ This ticket was already used: { $name } was checked in at { $at }.
# On the door card before the event's first day: the check-in is still allowed (a rehearsal), but said to be early.
rsvp-checkin-early = ⚠️ Today is not the event's day. The event is on { $day }.
rsvp-checkin-not-confirmed = ⚠️ This guest is not confirmed: no check-in.
rsvp-checkin-usage = Send /checkin CODE, e.g. /checkin ABC234, or scan the guest's QR code.
rsvp-checkin-unknown = No registration with the code { $code }.
rsvp-checkin-other-event = 🎟 This ticket is for another event: { $title }, { $when }. To check its guests in, choose that event in /events.
rsvp-checkin-mode-on =
    🎫 <b>Check-in mode</b>
    Send the guests' codes, one per message: I'll show each guest's card with the check-in button. To finish: /cancel.
rsvp-checkin-mode-off = Check-in mode is off.
rsvp-checkin-mode-hint = That doesn't look like a ticket code: a code has 6 letters and digits, e.g. ABC234. To finish: /cancel.
rsvp-checked-in-guest = ✅ You are checked in at the entrance. Welcome!

## Organisers
rsvp-stats =
    📊 <b>Registrations</b>
    Confirmed: { $confirmed }
    Waiting list: { $waitlisted }
    Cancelled: { $cancelled }
    Checked in: { $checkedIn }
    Seats left: { $left }{ $breakdown }
    <b>By day</b> (new registrations)
    { $days }
rsvp-unlimited = unlimited
rsvp-alert = 📈 Registrations have reached { $percent }% of the capacity: { $confirmed } of { $capacity ->
        [one] { $capacity } seat
       *[other] { $capacity } seats
    } taken.
rsvp-export-caption = 📄 Guest list: { $count ->
        [one] { $count } registration
       *[other] { $count } registrations
    }.
rsvp-export-empty = Nobody has registered yet.
rsvp-export-consent-earlier = ⚠️ { $count ->
        [one] { $count } guest agreed
       *[other] { $count } guests agreed
    } to an earlier consent text: see the consent_current column (“no”).
rsvp-stats-consent =
    <b>Consent texts</b> (version: guests)
    { $versions }
rsvp-stats-consent-line = { $version } ({ $language }, { $which }): { $count }
rsvp-stats-consent-earlier = ⚠️ { $version } ({ $language }, { $which }): { $count } — { $names }
rsvp-consent-current-text = current text
rsvp-consent-earlier-text = earlier text
cmd-stats = Registration statistics
cmd-export = Guest list (CSV)
cmd-checkin = Check a guest in

## The form's name, as the shared form rules say it (src/ui/form/ask.ts)
rsvp-form-title = Registration

## Approval (rsvp.approval) and plus-ones (rsvp.plusOnes)
rsvp-ask-plus-ones = How many people are you bringing with you (up to { $max })?
rsvp-ask-companion = Full name of the person you bring ({ $number } of { $count }):
rsvp-field-companions = People I bring
rsvp-companions-line = Bringing { $count }: { $names }
rsvp-group-size = Group: { $count ->
        [one] { $count } person
       *[other] { $count } people
    }
rsvp-group-full = 😔 There are not enough free seats for that many people. Your registration stays as it was.
rsvp-ticket-group = For { $count ->
        [one] { $count } person
       *[other] { $count } people
    }.
rsvp-status-pending = 🕓 awaiting the organisers' approval
rsvp-status-declined = ❌ declined: { $reason }
rsvp-done-pending =
    🕓 <b>Thank you! Your request has been sent to the organisers.</b>
    Your code: <b>{ $code }</b>
    I'll let you know as soon as they decide.
rsvp-declined-mine =
    🎟 <b>My registration</b>
    Status: { $status }
rsvp-approved =
    🎉 <b>Your registration is approved!</b>
    Your code: <b>{ $code }</b>
    Show the QR code at the entrance, or give them this code.
rsvp-approved-waitlisted =
    ✅ <b>Your request is approved. { $why }</b>
    Your place in the queue: { $position }. Your code: <b>{ $code }</b>
    I'll let you know as soon as a seat frees up.
rsvp-declined =
    😔 <b>The organisers could not accept your registration.</b>
    Reason: { $reason }
rsvp-decline-reason-full = the hall is full
rsvp-decline-reason-invited = the event is for invited participants
rsvp-decline-reason-incomplete = the registration is incomplete
rsvp-request-card =
    🙋 <b>Registration request</b>
    Name: { $name }
    { $answers }
    People: { $party } · Code: { $code }
rsvp-request-approve = ✅ Approve
rsvp-request-decline = ❌ Decline
rsvp-request-outcome-confirmed = ticket sent
rsvp-request-outcome-waitlisted = on the waiting list
rsvp-request-approved-by = ✅ Approved by { $by } ({ $status }).
rsvp-request-declined-by = ❌ Declined by { $by }: { $reason }
rsvp-request-withdrawn = The guest withdrew the request.
rsvp-request-already = Already decided by { $by }.
rsvp-request-gone = This request is no longer open.
rsvp-request-approved-toast = ✅ Approved: { $name }
rsvp-request-declined-toast = ❌ Declined: { $name }
rsvp-decline-form-title = Declining a request
rsvp-decline-left = The request was not declined; it is still open.
rsvp-decline-ask = Why do you decline { $name }? The guest will see the reason.
rsvp-decline-own = ✍️ In my own words
rsvp-decline-own-ask = Write the reason for the guest (up to 300 characters):
rsvp-requests-title = 🙋 <b>Requests awaiting approval: { $total }</b> (page { $page } of { $pages })
rsvp-requests-line = { $number }. { $name } — { $party } ppl, code { $code }
rsvp-requests-approve-shown = ✅ Approve all shown ({ $count })
rsvp-requests-approved = Approved: { $count }
rsvp-requests-none = No requests await approval.
rsvp-stats-people = People (with companions): confirmed { $confirmed }, waiting { $waitlisted }, pending { $pending }, checked in { $checkedIn }
rsvp-stats-requests = Requests: pending { $pending }, declined { $declined }
rsvp-checkin-group-button = ✅ Check in all { $count }
# Above the buttons 1…N−1 of a group's card: what those numbers are.
rsvp-checkin-partial = Not all of them here? Tap how many people came.
rsvp-checkin-arrived = Arrived: { $arrived } of { $count }.
