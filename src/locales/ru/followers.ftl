# Подписчики серии: /notifications, анонсы новых событий и напоминание перед событием.
cmd-notifications = Уведомления о новых событиях
menu-notifications = 🔔 Уведомления
followers-on = 🔔 Уведомления включены: бот сообщит о каждом новом событии { $titled ->
        [no] этой серии
       *[yes] серии { $series }
    } и напомнит за три дня до события, на которое вы ещё не зарегистрировались.
followers-off = 🔕 Уведомления выключены: бот не будет сообщать о новых событиях { $titled ->
        [no] этой серии
       *[yes] серии { $series }
    }. Сообщения о событиях, на которые вы зарегистрированы, по-прежнему приходят.
followers-turn-off = 🔕 Выключить
followers-turn-on = 🔔 Включить
followers-turned-off = Уведомления выключены
followers-turned-on = Уведомления включены
followers-event-gone = Этого события больше нет в серии.
followers-register-button = 📝 Зарегистрироваться
followers-announcement =
    🆕 Новое событие: <b>{ $title }</b>
    🗓 { $when }
    📍 { $venue }, { $address }

    Зарегистрируйтесь кнопкой ниже.
followers-nudge =
    ⏳ До события <b>{ $title }</b> три дня: { $when }, { $venue }.
    Вы ещё не зарегистрировались — места ещё могут быть.
broadcast-audience-followers = Всем подписчикам (уведомления включены)
broadcast-ask-event = О каком событии рассылка? Аудитория — его участники.
broadcast-event-field = Событие
