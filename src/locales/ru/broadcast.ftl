# Рассылки и напоминания (русский)

## Ход рассылки и отчёты (организатору)
broadcast-progress =
    📣 <b>{ $kind ->
        [reminder] Напоминание
       *[other] Рассылка
    } «{ $excerpt }»</b>
    Отправлено: { $sent } · ошибок: { $failed } · заблокировали: { $blocked }
    Осталось: { $remaining } из { $total }
    Скорость: { $rate } сообщ./с · осталось времени: { $eta }
broadcast-report-done =
    ✅ <b>{ $kind ->
        [reminder] Напоминание «{ $excerpt }» отправлено
       *[other] Рассылка «{ $excerpt }» завершена
    }</b>
    Отправлено: { $sent } · ошибок: { $failed } · заблокировали бота: { $blocked } (из { $total })
broadcast-report-cancelled =
    ⛔ <b>{ $kind ->
        [reminder] Напоминание «{ $excerpt }» остановлено
       *[other] Рассылка «{ $excerpt }» остановлена
    }</b>
    Отправлено: { $sent } · ошибок: { $failed } · заблокировали бота: { $blocked } · не отправлено: { $remaining } (из { $total })
broadcast-stop-button = ⛔ Остановить рассылку
broadcast-stopped = Рассылка остановлена.
broadcast-not-running = Эта рассылка уже не идёт.

## /broadcast
broadcast-ask-mode =
    📣 <b>Новая рассылка</b>
    Всем одно и то же сообщение или отдельное на каждом языке?
broadcast-mode-one = Одно сообщение для всех
broadcast-mode-per-language = Отдельно на каждом языке
broadcast-ask-message = Пришлите сообщение: текст (жирный, курсив и ссылки сохранятся) или фото с подписью.
broadcast-ask-message-in = Пришлите сообщение <b>{ $language ->
        [kk] на казахском
        [en] на английском
       *[ru] на русском
    }</b>: текст или фото с подписью.
broadcast-message-hint = Здесь нужен текст или фото с подписью (не стикер, не голосовое и не файл).
broadcast-message-too-long = Слишком длинно для одного сообщения ({ $length ->
        [one] { $length } символ
        [few] { $length } символа
       *[other] { $length } символов
    }, максимум { $max }). Сократите, пожалуйста.
broadcast-ask-audience = Кому отправить?
broadcast-audience-all = Всем, кто запускал бота
broadcast-audience-confirmed = Зарегистрированным (подтверждённым)
broadcast-audience-waitlisted = Листу ожидания
broadcast-audience-not_registered = Незарегистрированным
broadcast-audience-contest_entrants = Участникам конкурса
broadcast-audience-idea_authors = Авторам идей
broadcast-choose-hint = Пожалуйста, воспользуйтесь кнопками.
broadcast-preview =
    👆 <b>Предпросмотр</b>: { $language ->
        [all] так сообщение увидят все получатели.
        [kk] так сообщение увидят получатели с казахским языком; остальные получат версии, которые вы прислали выше.
        [en] так сообщение увидят получатели с английским языком; остальные получат версии, которые вы прислали выше.
       *[ru] так сообщение увидят получатели с русским языком; остальные получат версии, которые вы прислали выше.
    }
    Кому: <b>{ $audience }</b> — сейчас { $count ->
        [one] { $count } получатель
        [few] { $count } получателя
       *[other] { $count } получателей
    } (пересчитаем в момент отправки).
    Отправить сейчас или запланировать?
broadcast-send-now = 🚀 Отправить сейчас
broadcast-schedule = 🕒 Запланировать
broadcast-ask-time = Напишите время в формате <code>ГГГГ-ММ-ДД ЧЧ:мм</code> в часовом поясе мероприятия ({ $zone }), например <code>{ $example }</code>.
broadcast-time-hint = Не получилось разобрать. Напишите время как <code>ГГГГ-ММ-ДД ЧЧ:мм</code>, например <code>{ $example }</code>.
broadcast-time-past = Это время уже прошло. Укажите время в будущем.
broadcast-started = 🚀 Отправляем { $count ->
        [one] { $count } получателю
       *[other] { $count } получателям
    }. Ход рассылки — ниже.
broadcast-scheduled = 🕒 Запланировано на { $when } ({ $zone }). Отменить можно в /broadcasts.
broadcast-cancelled = Рассылка отменена, ничего не отправлено.
broadcast-duplicate = Эта рассылка уже поставлена в очередь.

## /broadcasts
broadcast-list-title = 📣 <b>Рассылки</b> (сначала новые)
broadcast-list-empty = Рассылок пока нет. Начните с /broadcast.
broadcast-list-item = { $status } <b>{ $name }</b> · { $when } · { $audience } · отправлено { $sent }, ошибок { $failed }, заблокировали { $blocked }{ $total }
broadcast-status-scheduled = 🕒
broadcast-status-sending = 📤
broadcast-status-done = ✅
broadcast-status-cancelled = ⛔
broadcast-status-skipped = ⏭
broadcast-drop-button = ❌ Отменить: { $name }
broadcast-dropped = Отменено: { $name }.
broadcast-name = { $kind ->
        [reminder] Напоминание
       *[other] Рассылка
    } «{ $excerpt }»

## The form's name, as the shared form rules say it (src/ui/form/ask.ts)
broadcast-form-title = Рассылка
broadcast-audience-field = Кому
broadcast-audience-checked_in = Отмеченным на входе
broadcast-audience-no_show = Подтвердившим, но не пришедшим
