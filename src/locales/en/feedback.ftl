## Feedback after the event: the survey, the no-show message and /feedback.

feedback-intro =
    Thank you for coming to <b>{ $title }</b>! 💚

    How was it? A few quick questions help us make the next event better. It takes a minute.
feedback-start-button = ▶️ Start
feedback-skip-button = Not now
feedback-form-title = Feedback
feedback-cancelled = Survey closed, nothing was saved. You can start it again with the button in the invitation.
feedback-rating-hint = Tap a number: 1 — poor, 5 — excellent.
feedback-nps-hint = Tap a number: 0 — not at all, 10 — definitely.
feedback-use-buttons = Please tap one of the numbers.
feedback-text-optional = Type your answer, or tap Skip.
feedback-skip-question = Skip ➡️
feedback-thanks = Thank you for your feedback! 💚
feedback-already = You have already answered this survey. Thank you!
feedback-skipped = All right, we won't ask again. Thank you for coming!
feedback-not-for-you = This survey is for guests who were at the event.
feedback-closed = The survey is not open.
feedback-no-show-default = We're sorry we missed you at the event!
feedback-no-show-still = What you can still do:
feedback-no-show-ideas = 💡 Propose an idea
feedback-off = This event has no feedback survey (the event file has no feedback section).
feedback-stats =
    <b>Feedback after the event</b>
    Surveys sent: { $surveys }; no-show messages: { $noShows }
    Responses: { $answered } answered, { $skipped } skipped
feedback-stats-rating =
    <b>{ $label }</b>
    { $count ->
        [one] { $count } answer
       *[other] { $count } answers
    }, average { $average }
    { $distribution }
feedback-stats-nps =
    <b>{ $label }</b>
    { $count ->
        [one] { $count } answer
       *[other] { $count } answers
    }, NPS { $score } (promoters { $promoters }, passives { $passives }, detractors { $detractors })
    { $distribution }
feedback-stats-text =
    <b>{ $label }</b> ({ $count })
    { $comments }
feedback-stats-none = No answers yet.
feedback-stats-more = … and { $count } more in the CSV.
feedback-export-button = 📄 Export CSV
feedback-export-caption = Feedback: { $count ->
        [one] { $count } response
       *[other] { $count } responses
    }
feedback-export-empty = No responses yet.
privacy-stored-feedback = • Feedback after the event: { $state } (your ratings and comments)
