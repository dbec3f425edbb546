# «Забыть меня»: пользователь удаляет свои персональные данные.
privacy-ask =
    🔒 <b>Удалить мои данные</b>
    Будут удалены { $items }.
    Отменить это нельзя. Удалить всё?
# What /forget_me deletes: each only where some event of the series has it (registration first).
privacy-deletes-registration = ваша регистрация (место перейдёт следующему в листе ожидания)
privacy-deletes-form = незаконченная анкета
privacy-deletes-ideas = ваше имя в ваших идеях (сами идеи останутся анонимно)
privacy-deletes-contest = заявка на конкурс и ваше имя в объявлении победителей
privacy-deletes-quiz = ответы викторины
privacy-deletes-feedback = ответы на опрос после мероприятия
privacy-deletes-profile = ваш профиль в этом боте
privacy-confirm = 🗑 Да, удалить мои данные
privacy-keep = ↩️ Нет, оставить
privacy-kept = Ничего не удалено.
privacy-done = ✅ Ваши данные удалены. Если вы напишете мне снова, я начну с чистого листа.
# /stats: когда задача хранения удалит персональные данные мероприятия (privacy.retainFor после окончания).
privacy-retention-stats = 🔒 Персональные данные этого мероприятия ({ $kinds }) будут удалены { $date }.
# The kinds of personal data in privacy-retention-stats: contest links and idea authors only where the event has them.
privacy-data-names = имена
privacy-data-contacts = контакты
privacy-data-contest = ссылки из конкурсных заявок
privacy-data-ideas = имена авторов идей
privacy-retention-done = 🔒 Персональные данные этого мероприятия удалены { $date }; цифры сохраняются.

## /privacy: что хранится, зачем, как долго и кто отвечает.
privacy-screen =
    🔒 <b>Ваши персональные данные в этом боте</b>

    <b>Что о вас хранится сейчас</b>
    { $stored }

    <b>Зачем</b>
    Чтобы { $purposes }. До вашего согласия ничего не спрашивается.

    <b>Где</b>
    В базе данных бота на сервере организаторов. Организаторы видят список гостей; каждая его выгрузка записывается: кто и когда.

    <b>Как долго</b>
    До { $until }: { $retain } после окончания мероприятия, затем данные удаляются. Отправьте /forget_me, чтобы удалить всё сейчас.

    Оператор персональных данных: { $controller }{ $known ->
        [yes]
            {""}
            Контакты: { $contact }
       *[no] {""}
    }
# /privacy's purposes: each only where some event of the series runs it (registration first).
privacy-why-register = зарегистрировать вас и отметить на входе
privacy-why-news = присылать новости и напоминания о мероприятии на вашем языке
privacy-why-contest = проводить конкурс
privacy-why-quiz = проводить викторину
privacy-why-ideas = собирать идеи для города
privacy-why-feedback = спросить ваш отзыв о мероприятии
privacy-why-answer = отвечать вам
privacy-stored-profile = • Ваш профиль Telegram (имя, имя пользователя, язык): { $state }
privacy-stored-registration = • Регистрация: { $fields }; согласие дано { $at } (версия { $version }, { $language })
privacy-stored-registration-none = • Регистрация: нет
privacy-stored-ideas = • Идеи: { $count } (текст, категория, фото, точка на карте, ваше имя как автора)
privacy-stored-contest = • Заявка на конкурс: { $state } (ссылка, { $entry ->
        [own] текст
       *[idea] идея
    }, фото, ваше имя)
privacy-stored-quiz = • Ответы викторины: { $count }
privacy-stored-language = • Выбранный вами язык: { $state }
privacy-yes = да
privacy-no = нет
privacy-field-name = имя
privacy-field-answers = { $count ->
        [one] ответы на { $count } вопрос
        [few] ответы на { $count } вопроса
       *[other] ответы на { $count } вопросов
    }
privacy-field-companions = { $count ->
        [one] имя спутника
       *[other] имена спутников ({ $count })
    }
privacy-field-ticket = статус, код билета, даты
privacy-duration = { $unit ->
        [d] { $count ->
            [one] { $count } день
            [few] { $count } дня
           *[other] { $count } дней
        }
        [h] { $count ->
            [one] { $count } час
            [few] { $count } часа
           *[other] { $count } часов
        }
       *[m] { $count ->
            [one] { $count } минута
            [few] { $count } минуты
           *[other] { $count } минут
        }
    }
cmd-privacy = Мои данные: что хранится и зачем
