# Регистрация (RSVP): анкета участника, «Моя регистрация», повторное подтверждение и инструменты организаторов.

## Открытие и закрытие
rsvp-intro =
    📝 <b>Регистрация: { $title }</b>
    Регистрация открыта до { $deadline } ({ $relative }).
    Это займёт минуту: сначала ваше согласие ниже, затем имя{ $questions ->
        [0] .
        [1] {" "}и один вопрос.
       *[other] {" "}и несколько вопросов.
    }
# With rsvp.approval: told before the consent, as the full hall is.
rsvp-intro-approval = 🙋 Участие подтверждают организаторы: после анкеты ваш запрос уйдёт к ним, и я сразу сообщу их решение.
rsvp-intro-full = ⏳ <b>Свободных мест сейчас нет.</b> Зарегистрироваться всё равно можно: вы попадёте в лист ожидания, и если место освободится, я сразу сообщу.
rsvp-closed = { $phase ->
        [past] ⛔️ Регистрация закрыта: мероприятие прошло { $when }.
       *[closed]
            ⛔️ Регистрация закрылась { $deadline }.
            Если вы всё же хотите прийти, свяжитесь с организаторами{ $known ->
                [yes] : { $contact }
               *[no] .
            }
    }

## Анкета
rsvp-ask-name = 👤 Как вас зовут? Напишите полное имя (как в удостоверении — для списка гостей).
rsvp-error-name-length = Имя должно быть длиной от 2 до 100 символов. Напишите, пожалуйста, полное имя.
rsvp-error-name-characters = Используйте только буквы, пробелы, дефисы и апострофы. Напишите полное имя ещё раз.
rsvp-error-companion-repeated = { $name } уже есть в этой регистрации. Напишите полное имя человека, которого вы приводите.
rsvp-skip = Пропустить ➡️
rsvp-share-phone = 📱 Поделиться номером
rsvp-error-contact-not-yours = Поделитесь, пожалуйста, своим номером кнопкой «Поделиться номером» или напишите номер.
rsvp-contact-saved = ✅ Контакт сохранён: { $contact }
rsvp-answer-line = { $label } — { $answer }
rsvp-answer-yes = Да
rsvp-answer-no = Нет
rsvp-multi-hint = Отметьте нужные варианты ✅ и нажмите «Готово».
rsvp-multi-use-buttons = Пожалуйста, ответьте кнопками вопроса: отметьте нужные варианты ✅ и нажмите «Готово».
# After the hint when the file bounds the choice (min/max); none when any number of options will do.
rsvp-multi-at-most = Можно выбрать не больше { $max }.
rsvp-multi-at-least = Выберите не меньше { $min }.
rsvp-multi-between = Выберите от { $min } до { $max }.
rsvp-multi-exactly = Выберите ровно { $min }.
rsvp-multi-done = ✔️ Готово
rsvp-error-text-short = Слишком коротко: нужно хотя бы { $min ->
        [one] { $min } символ
        [few] { $min } символа
       *[other] { $min } символов
    }. Напишите ответ ещё раз.
# Under a number question's label when the file bounds it or wants it whole ($whole: yes/no).
rsvp-number-between = { $whole ->
        [yes] Целое число
       *[other] Число
    } от { $min } до { $max }.
rsvp-number-at-least = { $whole ->
        [yes] Целое число
       *[other] Число
    } не меньше { $min }.
rsvp-number-whole = Целое число.
rsvp-error-number = Пришлите, пожалуйста, число, например 25.
rsvp-error-number-whole = Пришлите целое число, без дробной части, например { $example }.
rsvp-error-number-range = Пришлите число от { $min } до { $max }.
rsvp-error-number-min = Пришлите число не меньше { $min }.
rsvp-error-email = Это не похоже на адрес электронной почты. Пример: name@example.com
rsvp-error-phone = Это не похоже на номер телефона. Примеры: { $examples }
rsvp-error-multi-min = Отметьте хотя бы { $min ->
        [one] { $min } вариант
        [few] { $min } варианта
       *[other] { $min } вариантов
    } и нажмите «Готово».
rsvp-error-multi-max = Можно отметить не больше { $max ->
        [one] { $max } варианта
       *[other] { $max } вариантов
    }: сначала снимите отметку с одного.
rsvp-stats-question = <b>{ $question }</b> (подтверждённые)
    { $lines }
# Guests who skipped an optional question, under its options' counts in /stats.
rsvp-stats-not-given = Не указано: { $count }
# A number question's answers in /stats: their sum and average.
rsvp-stats-number = Сумма: { $total } · в среднем: { $average } · ответов: { $answered }
rsvp-ask-consent =
    🔒 <b>Согласие на обработку персональных данных</b>
    { $text }
    Оператор персональных данных: { $controller }
rsvp-consent-generic = Я даю согласие на обработку моего имени{ $companions ->
        [yes] , имён людей, которых я приведу,
       *[no] {""}
    } и ответов на вопросы регистрации для регистрации на мероприятие, рассылки новостей о нём и отметки на входе. Данные не передаются третьим лицам и хранятся до { $until } или удаляются раньше по моему запросу (/forget_me).
rsvp-summary =
    📋 <b>Проверьте, пожалуйста, данные</b>
    Имя: { $name }
    { $answers }
rsvp-none = —
# An optional question left unanswered, after its label: "Your e-mail — not given".
rsvp-not-answered = не указано
rsvp-confirm = ✅ Подтвердить
rsvp-edit = ✏️ Изменить поле
rsvp-cancel = ❌ Отмена
rsvp-edit-which = ✏️ Что хотите изменить?
rsvp-field-name = Имя
rsvp-back = ⬅️ Назад
rsvp-left = Регистрация отменена, ничего не сохранено. Начать заново можно в любой момент командой /rsvp.
rsvp-edit-left = Ничего не изменено.
rsvp-closed-meanwhile = ⛔️ К сожалению, пока вы заполняли анкету, регистрация закрылась. Свяжитесь с организаторами{ $known ->
        [yes] : { $contact }
       *[no] .
    }

## Результат и билет
rsvp-done-confirmed =
    🎉 <b>Вы зарегистрированы!</b>
    Ваш код: <b>{ $code }</b>
    Покажите QR-код или назовите этот код на входе. Файл календаря ниже добавит мероприятие в ваш календарь.
rsvp-waitlisted-why =
    { $reason ->
        [group] Свободных мест: { $free }, а вашей группе нужно { $party }, поэтому вы в листе ожидания.
        [queue] Свободные места сначала получают те, кто уже ждёт, поэтому вы тоже в листе ожидания.
       *[full] Все места заняты, поэтому вы в листе ожидания.
    }
rsvp-done-waitlisted =
    ⏳ <b>{ $why }</b>
    Ваше место в очереди: { $position }. Ваш код: <b>{ $code }</b>
    Если место освободится, я сразу сообщу.
rsvp-updated = ✅ Ваши данные обновлены.
rsvp-ticket-caption = 🎟 Ваш билет: { $name }, код { $code }. Покажите этот QR-код на входе.
rsvp-calendar-caption = 📅 Откройте файл, чтобы добавить мероприятие в календарь.
rsvp-status-confirmed = ✅ подтверждена
rsvp-status-waitlisted = ⏳ в листе ожидания (место { $position })
rsvp-status-cancelled = ❌ отменена
rsvp-mine =
    🎟 <b>Моя регистрация</b>
    Статус: { $status }
    Код: <b>{ $code }</b>
    Имя: { $name }
    { $answers }
rsvp-mine-locked = Мероприятие уже началось: регистрацию больше нельзя изменить.
rsvp-change = ✏️ Изменить данные
rsvp-withdraw = ❌ Отменить регистрацию
rsvp-show-ticket = 🎟 Показать билет
rsvp-ticket-shown = { $where ->
        [above] 🎟 Ваш билет уже в чате — сразу над этим сообщением.
       *[below] 🎟 Ваш билет уже в чате — ниже этого сообщения.
    }
rsvp-withdraw-ask = Отменить регистрацию? Ваше место перейдёт следующему человеку из листа ожидания.
rsvp-withdraw-yes = Да, отменить
rsvp-withdraw-no = Нет, оставить
rsvp-withdrawn = Ваша регистрация отменена. Передумали? Зарегистрируйтесь снова командой /rsvp, пока регистрация открыта.
rsvp-not-registered = У вас нет действующей регистрации.
rsvp-promoted =
    🎉 <b>{ $people ->
        [1] Хорошая новость: освободилось место, и оно ваше!
       *[other] Хорошая новость: освободились места для всей вашей группы ({ $people } чел.)!
    }</b>
    Теперь вы зарегистрированы. Ваш код: <b>{ $code }</b>
## Повторное подтверждение
rsvp-reconfirm-ask =
    👋 <b>Вы всё ещё придёте на «{ $title }»?</b>
    Начало: { $when }. Подтвердите, пожалуйста, до { $by } — иначе ваше место перейдёт человеку из листа ожидания.
rsvp-reconfirm-yes = ✅ Да, приду
rsvp-reconfirm-no = ❌ Нет, не смогу
rsvp-reconfirm-thanks = 🙌 Спасибо! До встречи.
rsvp-reconfirm-declined = Спасибо, что предупредили: ваше место перейдёт человеку из листа ожидания.
rsvp-released-unanswered = ⌛️ Вы не подтвердили участие, поэтому ваше место перешло человеку из листа ожидания. Если вы всё же хотите прийти, свяжитесь с организаторами{ $known ->
        [yes] : { $contact }
       *[no] .
    }

## Билеты на входе
rsvp-ticket-not-yours = 🙅 Это не ваш билет. Отправьте /rsvp, чтобы увидеть свою регистрацию.
rsvp-ticket-unknown = Этот билет недействителен.
rsvp-checkin-card =
    🎟 <b>{ $name }</b>
    Статус: { $status }
    Код: { $code }
    { $answers }
rsvp-checkin-button = ✅ Отметить приход
rsvp-checkin-done = ✅ { $name }: приход отмечен.
rsvp-checkin-again = ⚠️ Этот билет уже использован: { $name }, отметка на входе — { $at }.
# On the door card before the event's first day: the check-in is still allowed (a rehearsal), but said to be early.
rsvp-checkin-early = ⚠️ Сегодня не день мероприятия. Дата мероприятия: { $day }.
rsvp-checkin-not-confirmed = ⚠️ Регистрация гостя не подтверждена: отметить нельзя.
rsvp-checkin-usage = Отправьте /checkin КОД, например /checkin ABC234, или отсканируйте QR-код гостя.
rsvp-checkin-unknown = Регистрации с кодом { $code } нет.
rsvp-checkin-other-event = 🎟 Этот билет на другое событие: { $title }, { $when }. Чтобы отмечать его гостей, выберите это событие в /events.
rsvp-checkin-mode-on =
    🎫 <b>Режим отметки на входе</b>
    Присылайте коды гостей по одному сообщению — я покажу карточку гостя с кнопкой отметки. Закончить: /cancel.
rsvp-checkin-mode-off = Режим отметки на входе выключен.
rsvp-checkin-mode-hint = Это не похоже на код билета: в коде 6 букв и цифр, например ABC234. Закончить: /cancel.
rsvp-checked-in-guest = ✅ Вы отмечены на входе. Добро пожаловать!

## Организаторам
rsvp-stats =
    📊 <b>Регистрации</b>
    Подтверждено: { $confirmed }
    Лист ожидания: { $waitlisted }
    Отменено: { $cancelled }
    Пришли: { $checkedIn }
    Свободных мест: { $left }{ $breakdown }
    <b>По дням</b> (новые регистрации)
    { $days }
rsvp-unlimited = без ограничений
rsvp-alert = 📈 Регистрации достигли { $percent }% вместимости: занято мест: { $confirmed } из { $capacity }.
rsvp-export-caption = 📄 Список гостей: { $count ->
        [one] { $count } регистрация
        [few] { $count } регистрации
       *[other] { $count } регистраций
    }.
rsvp-export-empty = Пока никто не зарегистрировался.
rsvp-export-consent-earlier = ⚠️ { $count ->
        [one] { $count } гость согласился
        [few] { $count } гостя согласились
       *[other] { $count } гостей согласились
    } с прежним текстом согласия: см. столбец consent_current («no»).
rsvp-stats-consent =
    <b>Тексты согласия</b> (версия: гости)
    { $versions }
rsvp-stats-consent-line = { $version } ({ $language }, { $which }): { $count }
rsvp-stats-consent-earlier = ⚠️ { $version } ({ $language }, { $which }): { $count } — { $names }
rsvp-consent-current-text = текущий текст
rsvp-consent-earlier-text = прежний текст
cmd-stats = Статистика регистраций
cmd-export = Список гостей (CSV)
cmd-checkin = Отметить гостя

## The form's name, as the shared form rules say it (src/ui/form/ask.ts)
rsvp-form-title = Регистрация

## Одобрение (rsvp.approval) и гости (rsvp.plusOnes): запрос на участие, не «заявка» (так называется работа на конкурс)
rsvp-ask-plus-ones = Сколько человек вы приведёте с собой (до { $max })?
rsvp-ask-companion = Имя и фамилия вашего гостя ({ $number } из { $count }):
rsvp-field-companions = Мои гости
rsvp-companions-line = Спутники ({ $count }): { $names }
rsvp-group-size = Группа: { $count } чел.
rsvp-group-full = 😔 Для стольких человек не хватает свободных мест. Регистрация осталась прежней.
rsvp-ticket-group = На { $count } чел.
rsvp-status-pending = 🕓 ждёт одобрения организаторов
rsvp-status-declined = ❌ отклонена: { $reason }
rsvp-done-pending =
    🕓 <b>Спасибо! Ваш запрос на участие отправлен организаторам.</b>
    Ваш код: <b>{ $code }</b>
    Я сообщу, как только они примут решение.
rsvp-declined-mine =
    🎟 <b>Моя регистрация</b>
    Статус: { $status }
rsvp-approved =
    🎉 <b>Ваша регистрация одобрена!</b>
    Ваш код: <b>{ $code }</b>
    Покажите QR-код на входе или назовите этот код.
rsvp-approved-waitlisted =
    ✅ <b>Запрос одобрен. { $why }</b>
    Ваше место в очереди: { $position }. Ваш код: <b>{ $code }</b>
    Я сообщу, как только освободится место.
rsvp-declined =
    😔 <b>Организаторы не смогли принять вашу регистрацию.</b>
    Причина: { $reason }
rsvp-decline-reason-full = зал заполнен
rsvp-decline-reason-invited = мероприятие только для приглашённых участников
rsvp-decline-reason-incomplete = регистрация заполнена не полностью
rsvp-request-card =
    🙋 <b>Запрос на участие</b>
    Имя: { $name }
    { $answers }
    Человек: { $party } · Код: { $code }
rsvp-request-approve = ✅ Одобрить
rsvp-request-decline = ❌ Отклонить
rsvp-request-outcome-confirmed = билет отправлен
rsvp-request-outcome-waitlisted = в листе ожидания
rsvp-request-approved-by = ✅ Одобрено — { $by } ({ $status }).
rsvp-request-declined-by = ❌ Отклонено — { $by }: { $reason }
rsvp-request-withdrawn = Гость отозвал запрос.
rsvp-request-already = Уже решено: { $by }.
rsvp-request-gone = Этот запрос уже не открыт.
rsvp-request-approved-toast = ✅ Одобрено: { $name }
rsvp-request-declined-toast = ❌ Отклонено: { $name }
rsvp-decline-form-title = Отклонение запроса
rsvp-decline-left = Запрос не отклонён и остаётся открытым.
rsvp-decline-ask = { $name }: почему вы отклоняете запрос? Гость увидит причину.
rsvp-decline-own = ✍️ Своими словами
rsvp-decline-own-ask = Напишите причину для гостя (до 300 символов):
rsvp-requests-title = 🙋 <b>Запросы ждут одобрения: { $total }</b> (страница { $page } из { $pages })
rsvp-requests-line = { $number }. { $name } — { $party } чел., код { $code }
rsvp-requests-approve-shown = ✅ Одобрить все показанные ({ $count })
rsvp-requests-approved = Одобрено: { $count }
rsvp-requests-none = Запросов на одобрение нет.
rsvp-stats-people = Людей (с гостями): подтверждено { $confirmed }, в ожидании { $waitlisted }, на одобрении { $pending }, пришли { $checkedIn }
rsvp-stats-requests = Запросы на участие: на одобрении { $pending }, отклонено { $declined }
rsvp-checkin-group-button = ✅ Отметить всех ({ $count })
# Above the buttons 1…N−1 of a group's card: what those numbers are.
rsvp-checkin-partial = Пришли не все? Нажмите, сколько человек пришло.
rsvp-checkin-arrived = Пришли: { $arrived } из { $count }.
