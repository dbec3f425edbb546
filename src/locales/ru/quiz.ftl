# Викторина на мероприятии. Вопросы берутся из файла события.
quiz-none = В файле события нет викторины.
quiz-usage =
    🎲 <b>Викторина в зале</b> — { $status }
    /quiz start — отправить вопрос 1
    /quiz next — открыть следующий вопрос
    /quiz end — завершить викторину и узнать победителей
quiz-status-idle = не начата
quiz-status-open = открыт вопрос { $number } из { $total }
quiz-status-ended = завершена
quiz-started = ▶️ Викторина началась: вопрос 1 из { $total } уходит { $players ->
        [one] { $players } участнику
       *[other] { $players } участникам
    }.
quiz-already-started = Викторина уже запускалась ({ $status }).
quiz-no-players = Пока некому отправить викторину.
quiz-start-early = ⚠️ Мероприятие ещё не началось (начало — { $start }). Вопросы сразу уйдут гостям, и викторину нельзя будет запустить заново. Всё равно начать?
quiz-start-anyway = ▶️ Всё равно начать
quiz-start-cancel = ❌ Отмена
quiz-start-cancelled = Викторина не начата.
quiz-over = 🏁 Викторина завершена. Победителям бот написал отдельно.
quiz-over-score = 🏁 Викторина завершена: верных ответов { $correct } из { $total }. Спасибо за игру! Победителям бот написал отдельно.
quiz-question =
    🎲 <b>Викторина — вопрос { $number } из { $total }</b>

    { $text }
quiz-your-answer = Ваш ответ: { $option }
quiz-answer-recorded = ✅ Ответ принят!
quiz-answer-duplicate = Вы уже ответили на этот вопрос.
quiz-answer-by-button = 🎲 Чтобы ответить в викторине, нажмите одну из кнопок под вопросом: так засчитываются ответ и его время.
quiz-answer-closed = Этот вопрос уже закрыт.
quiz-not-player = Эта викторина — для гостей мероприятия.
quiz-start-button = ▶️ Начать викторину
quiz-next-button = ➡️ Следующий вопрос
quiz-end-button = 🏁 Завершить викторину
quiz-results-button = 🏁 Показать итоги
quiz-moved = ➡️ Вопрос { $number } из { $total } отправлен. Ответов на вопрос { $previous }: { $answers }.
quiz-last-question = Это был последний вопрос: завершите викторину, чтобы узнать победителей.
quiz-not-running = Викторина сейчас не идёт.
quiz-results-title = 🏁 <b>Итоги викторины</b> — { $players ->
        [one] ответил { $players } участник
        [few] ответили { $players } участника
       *[other] ответили { $players } участников
    }
quiz-results-line = { $place }. { $name } — верно { $correct } из { $total }, { $seconds } с
quiz-results-nobody = Никто не ответил правильно.
quiz-winner = 🎉 Поздравляем! Вы заняли { $place }-е место в викторине: верных ответов { $correct } из { $total }.
# Only with quiz.prize: without one, no prize is promised.
quiz-winner-prize = 🎁 Приз: { $prize }. Подойдите за ним к стойке организаторов.

## Описания команд в меню
cmd-quiz = Викторина: старт, следующий вопрос, итоги
