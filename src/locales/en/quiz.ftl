# The live quiz at the event. Questions come from the event file.
quiz-none = There is no quiz in the event file.
quiz-usage =
    🎲 <b>Live quiz</b> — { $status }
    /quiz start — send question 1
    /quiz next — open the next question
    /quiz end — close the quiz and see the winners
quiz-status-idle = not started
quiz-status-open = question { $number } of { $total } is open
quiz-status-ended = finished
quiz-started = ▶️ The quiz has started: question 1 of { $total } is going to { $players ->
        [one] { $players } person
       *[other] { $players } people
    }.
quiz-already-started = The quiz was already started ({ $status }).
quiz-no-players = Nobody to send the quiz to yet.
quiz-start-early = ⚠️ The event has not started yet (it starts { $start }). The questions go to the guests at once, and the quiz cannot be started again. Start it anyway?
quiz-start-anyway = ▶️ Start anyway
quiz-start-cancel = ❌ Cancel
quiz-start-cancelled = The quiz was not started.
quiz-over = 🏁 The quiz is over. The winners have each had a message from the bot.
quiz-over-score = 🏁 The quiz is over: you got { $correct } of { $total } right. Thank you for playing! The winners have each had a message from the bot.
quiz-question =
    🎲 <b>Quiz — question { $number } of { $total }</b>

    { $text }
quiz-your-answer = Your answer: { $option }
quiz-answer-recorded = ✅ Answer received!
quiz-answer-duplicate = You have already answered this question.
quiz-answer-by-button = 🎲 To answer the quiz, tap one of the buttons under its question: that is how your answer and its time are counted.
quiz-answer-closed = This question is closed.
quiz-not-player = This quiz is for the event's guests.
quiz-start-button = ▶️ Start the quiz
quiz-next-button = ➡️ Next question
quiz-end-button = 🏁 End the quiz
quiz-results-button = 🏁 Show the results
quiz-moved = ➡️ Question { $number } of { $total } is out. Answers to question { $previous }: { $answers }.
quiz-last-question = That was the last question: end the quiz to see the winners.
quiz-not-running = The quiz is not running.
quiz-results-title = 🏁 <b>Quiz results</b> — { $players ->
        [one] { $players } player
       *[other] { $players } players
    } answered
quiz-results-line = { $place }. { $name } — { $correct } of { $total } right, { $seconds } s
quiz-results-nobody = Nobody answered correctly.
quiz-winner = 🎉 Congratulations! You came { ORDINAL($place, locale: "en") ->
        [one] { $place }st
        [two] { $place }nd
        [few] { $place }rd
       *[other] { $place }th
    } in the quiz: { $correct } of { $total } right.
# Only with quiz.prize: without one, no prize is promised.
quiz-winner-prize = 🎁 Prize: { $prize }. Come to the organisers' desk for it.

## Command menu descriptions
cmd-quiz = Live quiz: start, next, end
