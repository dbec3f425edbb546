## Отзывы после мероприятия: опрос, сообщение неявившимся и /feedback.

feedback-intro =
    Спасибо, что пришли на <b>{ $title }</b>! 💚

    Как всё прошло? Несколько коротких вопросов помогут нам сделать следующее мероприятие лучше. Это займёт минуту.
feedback-start-button = ▶️ Начать
feedback-skip-button = Не сейчас
feedback-form-title = Отзыв
feedback-cancelled = Опрос закрыт, ничего не сохранено. Его можно начать снова кнопкой в приглашении.
feedback-rating-hint = Нажмите на число: 1 — плохо, 5 — отлично.
feedback-nps-hint = Нажмите на число: 0 — точно нет, 10 — точно да.
feedback-use-buttons = Пожалуйста, нажмите на одно из чисел.
feedback-text-optional = Напишите ответ или нажмите «Пропустить».
feedback-skip-question = Пропустить ➡️
feedback-thanks = Спасибо за отзыв! 💚
feedback-already = Вы уже ответили на этот опрос. Спасибо!
feedback-skipped = Хорошо, больше не спросим. Спасибо, что пришли!
feedback-not-for-you = Этот опрос — для гостей, которые были на мероприятии.
feedback-closed = Опрос сейчас не проводится.
feedback-no-show-default = Жаль, что вы не смогли прийти на мероприятие!
feedback-no-show-still = Что ещё можно сделать:
feedback-no-show-ideas = 💡 Предложить идею
feedback-off = У этого мероприятия нет опроса (в файле мероприятия нет раздела feedback).
feedback-stats =
    <b>Отзывы после мероприятия</b>
    Отправлено опросов: { $surveys }; сообщений неявившимся: { $noShows }
    Ответы: ответили { $answered }, отказались { $skipped }
feedback-stats-rating =
    <b>{ $label }</b>
    { $count ->
        [one] { $count } ответ
        [few] { $count } ответа
       *[other] { $count } ответов
    }, в среднем { $average }
    { $distribution }
feedback-stats-nps =
    <b>{ $label }</b>
    { $count ->
        [one] { $count } ответ
        [few] { $count } ответа
       *[other] { $count } ответов
    }, NPS { $score } (промоутеры { $promoters }, нейтральные { $passives }, критики { $detractors })
    { $distribution }
feedback-stats-text =
    <b>{ $label }</b> ({ $count })
    { $comments }
feedback-stats-none = Ответов пока нет.
feedback-stats-more = … и ещё { $count } в CSV.
feedback-export-button = 📄 Выгрузить CSV
feedback-export-caption = Отзывы: { $count ->
        [one] { $count } ответ
        [few] { $count } ответа
       *[other] { $count } ответов
    }
feedback-export-empty = Ответов пока нет.
privacy-stored-feedback = • Отзыв после мероприятия: { $state } (ваши оценки и комментарии)
