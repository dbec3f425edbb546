# Строки интерфейса (русский). Факты о мероприятии берутся из файла мероприятия, не отсюда.
language-name = Русский
date-pattern = D MMMM YYYY
time-pattern = H:mm
# The last joiner of a list (src/ui/format.ts, formatList): "a, b и c", "a, b или c".
list-and = { $rest } и { $last }
list-or = { $rest } или { $last }

## Старт и главное меню
start-greeting =
    Здравствуйте, { $name }! 👋
    Я помощник мероприятия <b>{ $title }</b> — { $when }.
    { $offers ->
        [past] Мероприятие уже прошло. Здесь можно узнать о нём.
        [past-ideas] Мероприятие уже прошло. Здесь можно узнать о нём и предложить идеи для города.
        [contest] Здесь можно узнать о мероприятии, зарегистрироваться и принять участие в конкурсе.
        [ideas] Здесь можно узнать о мероприятии, зарегистрироваться и предложить идеи для города.
        [none] Здесь можно узнать о мероприятии и зарегистрироваться.
       *[all] Здесь можно узнать о мероприятии, зарегистрироваться, принять участие в конкурсе и предложить идеи для города.
    }
menu-title = Что вы хотите сделать?
menu-info = ℹ️ О мероприятии
menu-rsvp = 📝 Регистрация
menu-contest = 🏆 Конкурс
menu-idea = 💡 Идеи для города
menu-language = 🌐 Язык
menu-back = ⬅️ Меню

## О мероприятии
info-when = 🗓 <b>Когда:</b> { $when }
info-where = 📍 <b>Где:</b> { $venue }, { $address }
info-countdown-upcoming = ⏳ Начало { $relative }.
info-countdown-ongoing = 🔴 Идёт прямо сейчас.
info-countdown-past = ✔️ Мероприятие уже прошло.
info-programme = 📋 Программа
info-speakers = 🎤 Спикеры
info-organisers = 🤝 Организаторы
info-contacts = ☎️ Контакты
info-calendar = 📅 В календарь
info-venue = 📍 На карте
info-venue-shown = { $where ->
        [above] 📍 Точка на карте уже в чате — сразу над этим сообщением.
       *[below] 📍 Точка на карте уже в чате — ниже этого сообщения.
    }
info-back = ⬅️ Назад
info-programme-title = 📋 <b>Программа</b>
# The day above its items in the programme of an event of several days.
info-programme-day = 🗓 <u>{ $day }</u>
# The pages of a long programme (or list of organisers): one message holds 4,096 characters at most.
info-page-previous = ◀️ Предыдущая
info-page-next = Следующая ▶️
info-speakers-title = 🎤 <b>Спикеры</b>
info-organisers-title = 🤝 <b>Организаторы и партнёры</b>
info-contacts-title = ☎️ <b>Контакты</b>
info-links-title = 🔗 <b>Мы в соцсетях</b>
info-phone = Тел.: { $phone }
info-email = E-mail: { $email }
info-empty = Здесь пока ничего нет.
calendar-caption = Откройте файл, чтобы добавить мероприятие в календарь. Он напомнит за час до начала.

## Язык
language-choose = 🌐 Выберите язык:
language-set = ✅ Язык: русский.
language-only = 🌐 Этот бот говорит только по-русски.

## Помощь и ответы по умолчанию
help =
    <b>Что я умею</b>
    /start — главное меню
# The /info line names only what the event file has ($details: both, programme, contacts, none).
help-info = /info — о мероприятии: { $details ->
        [both] время, место, программа, контакты
        [programme] время, место, программа
        [contacts] время, место, контакты
       *[none] время и место
    }
help-rsvp = /rsvp — регистрация на мероприятие
# Only in a series of more than one event, as the menu's 🗓 button.
help-events =
    /events — все события серии
    /notifications — сообщения о новых событиях: включить или выключить
# The contest's and the ideas' lines: only for an event that has them.
help-contest = /contest — правила конкурса и ваша заявка
help-idea = /idea — предложить идею для города
# Only where the bot speaks more than one language.
help-language = /language — сменить язык
help-more =
    /cancel — прервать текущее действие
    /privacy — что бот хранит обо мне
    /forget_me — удалить мои данные
    /help — эта справка
cancel-nothing = Отменять нечего. Вот меню.
cancel-consent = Отменено: вы не дали согласия, поэтому ничего не сохранено. Вот меню.
unhandled-text = Я не понял сообщение. Воспользуйтесь кнопками ниже или /help.
unhandled-media = Здесь я не могу это принять. Воспользуйтесь кнопками ниже или /help.
# A text message edited after it was sent: neither a form nor a command reads edits.
unhandled-edited = ✏️ Я не вижу правок уже отправленных сообщений: пришлите, пожалуйста, текст заново новым сообщением.
unhandled-edited-form = ✏️ Я не вижу правок уже отправленных сообщений: в форме остаётся ответ в том виде, в каком вы его отправили.
stale-button = Эта кнопка уже неактивна.
flood-notice = 🐢 Вы отправляете сообщения слишком часто. Подождите немного и продолжайте.
error-unavailable = 🔧 Бот временно недоступен. Попробуйте ещё раз через минуту.
error-generic = 😔 Извините, что-то пошло не так. Попробуйте ещё раз чуть позже.

## Группы
group-start = Здравствуйте! Я работаю в личных сообщениях: откройте чат со мной, чтобы узнать о мероприятии <b>{ $title }</b> и принять участие.
group-open = Открыть бота

## Организаторы
admin-only = Это доступно только организаторам.
jury-only = Это раздел для жюри и организаторов.
admin-panel =
    🛠 <b>Панель организатора</b>
    Пользователей, запустивших бота: { $users }
    По языкам: { $languages }
    Выберите инструмент:
admin-tool-stats = 📊 Статистика
admin-tool-export = 📄 Список гостей (CSV)
admin-tool-requests = 🙋 Запросы на участие
admin-tool-checkin = 🎫 Отметка на входе
admin-tool-ideas = 💡 Идеи: проверка
admin-tool-entries = 🏆 Заявки и жюри
admin-tool-broadcast = 📣 Новая рассылка
admin-tool-broadcasts = 📋 Рассылки
admin-tool-winner = 🥇 Победитель
admin-tool-quiz = ❓ Викторина
admin-tool-feedback = 📝 Отзывы
admin-tool-audit = 🧾 Журнал действий
audit-title = 🧾 <b>Действия организаторов</b> (последние { $count })
audit-empty = Журнал пуст: организаторы ещё ничего не делали.
audit-someone = (данные удалены)
audit-winner = Победитель конкурса: { $winner }; { $runners }
audit-runners = призёры: { $names }
audit-runners-none = призёров нет
audit-check-in = Отметка на входе: { $guest }
audit-export-guests = Выгрузка списка гостей: { $count ->
        [one] { $count } строка
        [few] { $count } строки
       *[other] { $count } строк
    }
audit-export-ideas = Выгрузка идей: { $count ->
        [one] { $count } идея
        [few] { $count } идеи
       *[other] { $count } идей
    }
audit-idea-status = Идея №{ $id } → { $status }
audit-idea-custom-reason = своя причина
audit-broadcast = { $name } → { $audience } ({ $count ->
        [one] { $count } получатель
        [few] { $count } получателя
       *[other] { $count } получателей
    })
audit-broadcast-scheduled = { $name } → { $audience }, запланирована на { $when }
audit-broadcast-stopped = Остановлено: { $name }
audit-broadcast-cancelled = Отменено: { $name }

## Описания команд
cmd-start = Главное меню
cmd-info = О мероприятии
cmd-rsvp = Регистрация
cmd-contest = Конкурс
cmd-idea = Предложить идею
cmd-language = Язык
cmd-help = Помощь
cmd-cancel = Отмена
cmd-audit = Журнал действий организаторов
cmd-admin = Панель организатора
cmd-broadcast = Сделать рассылку
cmd-broadcasts = Рассылки и напоминания
cmd-feedback = Отзывы после мероприятия

# The Mini App's buttons (only with MINIAPP_URL): the chat's menu button, and the attendees' buttons.
webapp-menu-dashboard = Панель
webapp-menu-door = Вход
webapp-open-ticket = 📱 Открыть билет
webapp-ideas-map = 🗺 Карта идей
cmd-requests = Запросы на участие
