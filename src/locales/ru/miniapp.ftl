# Мини-приложение (русский): тексты веб-экранов, открываемых из бота.

## Общее
miniapp-loading = Загрузка…
miniapp-open-in-telegram = Откройте эту страницу из бота в Telegram.
miniapp-error = Что-то пошло не так. Попробуйте ещё раз.
miniapp-forbidden = Этот экран вам недоступен.
miniapp-back = ← Назад
miniapp-home-door = 🚪 Вход: отметка гостей
miniapp-home-dashboard = 📊 Панель организатора
miniapp-home-map = 🗺 Карта идей
miniapp-home-ticket = 🎟 Мой билет

## Режим входа
miniapp-door-title = Отметка на входе
miniapp-door-scan = 📷 Сканировать билеты
miniapp-door-scan-hint = Наведите камеру на QR-код билета
miniapp-door-no-scanner = Это приложение Telegram не умеет сканировать: введите код или найдите гостя по имени.
miniapp-door-counter = Отмечено { $checkedIn } из { $total }
miniapp-door-welcome = Добро пожаловать, { $name }!
miniapp-door-welcome-group = Добро пожаловать, { $name } (+{ $group })!
# Under a welcome scanned before the event's day: counted all the same (a rehearsal).
miniapp-door-early = ⚠️ Сегодня не день мероприятия. Начало: { $day }.
miniapp-door-already = Уже на месте: отметка в { $time }, кто отметил: { $by }
miniapp-door-already-at = Уже на месте: отметка в { $time }
miniapp-door-not-found = Билет не найден
miniapp-door-waitlisted = В листе ожидания: места нет
miniapp-door-other-event = Билет на другое мероприятие
miniapp-door-cancelled = Регистрация отменена
miniapp-door-search = Поиск по имени
miniapp-door-search-hint = Введите не меньше 3 букв
miniapp-door-search-none = Никого не нашлось
miniapp-door-checkin = Отметить
# A companion found by their own name in the door search: the guest who registered them.
miniapp-door-companion = { $name } (спутник гостя: { $guest })
miniapp-door-checked-in = ✓ На месте
miniapp-door-code = Код билета
miniapp-door-code-placeholder = например, K7M2QX

## Панель организатора
miniapp-dash-title = Панель организатора
miniapp-dash-confirmed = Подтверждены
miniapp-dash-waitlisted = Лист ожидания
miniapp-dash-cancelled = Отменили
miniapp-dash-checked-in = Пришли
miniapp-dash-pending = Ждут одобрения
miniapp-dash-capacity = Мест всего
miniapp-dash-per-day = Регистрации по дням
miniapp-dash-ideas = Идеи
miniapp-dash-ideas-pending = Ждут модерации
miniapp-dash-ideas-published = Опубликованы
miniapp-dash-broadcasts = Рассылки
miniapp-dash-feedback = Отзывы
miniapp-dash-feedback-responses = Ответов
miniapp-dash-nps = NPS
miniapp-dash-guests = Гости
miniapp-dash-search = Поиск гостей
miniapp-dash-status-all = Все статусы
miniapp-dash-checkin-all = Пришли и не пришли
miniapp-dash-checkin-yes = Пришли
miniapp-dash-checkin-no = Ещё не пришли
miniapp-dash-question = Фильтр по ответу…
miniapp-dash-answer = Ответ содержит
miniapp-dash-csv = ⬇ Скачать CSV
miniapp-dash-shown = Показано: { $count }
miniapp-dash-no-guests = Таких гостей нет.
miniapp-status-confirmed = Подтверждена
miniapp-status-waitlisted = Лист ожидания
miniapp-status-cancelled = Отменена
miniapp-status-pending = Ждёт одобрения

## Карта идей
miniapp-map-title = Карта идей
miniapp-map-category-all = Все категории
miniapp-map-status-all = Все статусы
miniapp-map-none = Пока нет идей с местом на карте.
miniapp-idea-number = Идея №{ $number }
miniapp-idea-support = 👍 Поддержать
miniapp-idea-supported = ✅ Вы поддержали
miniapp-idea-supports = Поддержали: { $supports }
miniapp-idea-close = Закрыть
miniapp-idea-status-new = Ждёт модерации
miniapp-idea-status-published = Опубликована
miniapp-idea-status-under-review = На рассмотрении
miniapp-idea-status-accepted = Принята
miniapp-idea-status-rejected = Отклонена

## Мой билет
miniapp-ticket-title = Мой билет
miniapp-ticket-none = У вас ещё нет билета: зарегистрируйтесь в боте.
miniapp-ticket-waitlisted = Вы в листе ожидания: билет появится здесь, когда освободится место.
miniapp-ticket-code = Код: { $code }
miniapp-ticket-group = С вами гостей: +{ $group }
miniapp-ticket-calendar = 📅 Добавить в календарь
