# Идеи для города (русский)

## Меню идей
ideas-off = Приём идей для этого мероприятия не открыт.
ideas-menu-title =
    💡 <b>Идеи для города</b>
    Предложите, как улучшить город, поддержите идеи других и следите за решениями организаторов.
ideas-new = ✍️ Предложить идею
ideas-mine = 📋 Мои идеи
ideas-browse = 🔎 Идеи участников
ideas-back = ⬅️ Идеи
ideas-skip = Пропустить ➡️

## Новая идея
ideas-limit-reached = Сегодня вы уже отправили { $limit ->
        [one] { $limit } идею
        [few] { $limit } идеи
       *[other] { $limit } идей
    } — это дневной лимит. Возвращайтесь завтра.
ideas-ask-category = Выберите категорию идеи:
ideas-category-hint = Пожалуйста, выберите категорию кнопкой.
ideas-ask-text = Опишите идею одним сообщением ({ $min }–{ $max ->
        [one] { $max } символ
        [few] { $max } символа
       *[other] { $max } символов
    }): что изменить, где и зачем.
ideas-text-too-short = Слишком коротко: напишите хотя бы { $min ->
        [one] { $min } символ
        [few] { $min } символа
       *[other] { $min } символов
    }.
ideas-text-too-long = Слишком длинно ({ $length ->
        [one] { $length } символ
        [few] { $length } символа
       *[other] { $length } символов
    }). Уложитесь, пожалуйста, в { $max }.
ideas-text-not-text = Мне нужна идея текстом: стикеры, фото и голосовые сообщения здесь не подойдут.
ideas-ask-photo = Пришлите фото места (по желанию) или нажмите «Пропустить».
ideas-photo-hint = Пришлите фотографию (как фото, а не файлом) или нажмите «Пропустить».
ideas-ask-place = Где это? Нажмите «📍 Отправить геопозицию» или прикрепите точку на карте (📎 → Геопозиция). Или нажмите «Пропустить».
ideas-send-location = 📍 Отправить геопозицию
ideas-place-hint = Пришлите точку на карте или нажмите «Пропустить».
ideas-place-outside = Эта точка за пределами города. Поставьте точку на место в городе или нажмите «Пропустить».
ideas-place-saved = 📍 Место сохранено.
ideas-photo-skipped = Без фото
ideas-place-skipped = Хорошо, без места.
ideas-preview-title = 👀 <b>Проверьте идею</b>
ideas-field-category = Категория: { $category }
ideas-field-photo = 🖼 Фото приложено
ideas-field-place = 📍 Место: { $latitude }, { $longitude }
ideas-preview-hint = Пожалуйста, воспользуйтесь кнопками под идеей: «Отправить», «Изменить» или «Отмена».
ideas-submit = ✅ Отправить
ideas-edit = ✏️ Изменить
ideas-edit-which = Что вы хотите изменить?
ideas-edit-category = Категорию
# The category kept in its question once tapped ("Категория: … ✓"): the field's name, not the edit menu's object.
ideas-category-field = Категория
ideas-edit-text = Текст
ideas-edit-photo = Фото
ideas-edit-place = Место
ideas-similar-title = 🔁 <b>Похожие идеи уже опубликованы.</b> Можно поддержать одну из них вместо повтора:
ideas-similar-line = • <b>№{ $id }</b> (👍 { $supports }) { $text }
ideas-cancelled = Черновик удалён.
ideas-submitted-review = ✅ Спасибо! Идея №{ $id } отправлена организаторам на проверку. Я сообщу, когда они решат.
ideas-submitted-published = ✅ Спасибо! Идея №{ $id } опубликована: теперь её видят и могут поддержать другие.

## Статусы
ideas-status-new = 🆕 ждёт проверки
ideas-status-published = 📢 опубликована
ideas-status-under-review = 🔍 на рассмотрении
ideas-status-accepted = ✅ принята
ideas-status-rejected = ❌ отклонена

## Мои идеи и просмотр
ideas-mine-title = 📋 <b>Ваши идеи</b>
ideas-mine-empty = Вы ещё не предлагали идей.
ideas-card = <b>№{ $id }</b> · { $category } · { $status } · 👍 { $supports }
ideas-answer-line = 💬 <i>Организаторы:</i> { $answer }
ideas-browse-title = 🔎 <b>Опубликованные идеи</b>. Выберите категорию:
ideas-browse-category = { $name } ({ $count })
ideas-browse-page = <b>{ $category }</b> · { $order } · { $page }/{ $pages }
ideas-browse-empty = В этой категории пока нет опубликованных идей.
ideas-order-new = 🆕 сначала новые
ideas-order-top = 🔥 самые поддержанные
ideas-support-button = 👍 №{ $id } ({ $supports })
ideas-supported-button = 💚 №{ $id } ({ $supports })
ideas-photo-button = 🖼 Показать фото
ideas-place-button = 📍 Показать на карте
ideas-supported = 👍 Спасибо за поддержку!
ideas-unsupported = Ваша поддержка отозвана.
ideas-not-public = Эту идею сейчас нельзя поддержать.
ideas-own = Это ваша идея: поддержать её могут другие участники 🙂
ideas-missing = Этой идеи больше нет.
ideas-photo-caption = Идея №{ $id }
ideas-place-title = Идея №{ $id }

## Уведомления автору
ideas-notify-status = 🔔 Ваша идея №{ $id } «{ $excerpt }»: новый статус — { $status }.
ideas-notify-answer = 💬 Организаторы ответили по вашей идее №{ $id }: { $answer }

## Модерация
ideas-mod-new =
    🆕 <b>Новая идея №{ $id }</b> на проверку
    От: { $author }
    Категория: { $category }
ideas-mod-publish = ✅ Опубликовать
ideas-mod-reject = ❌ Отклонить
ideas-mod-reason-title = Почему отклонена идея №{ $id }? Автор увидит причину.
ideas-mod-reason-back = ⬅️ Назад к идее
ideas-reason-duplicate = Повторяет уже опубликованную идею.
ideas-reason-offtopic = Не относится к теме мероприятия.
ideas-reason-rules = Нарушает правила: оскорбления, реклама или личные данные.
ideas-mod-published = ✅ Идея №{ $id } опубликована ({ $admin }).
ideas-mod-rejected = ❌ Идея №{ $id } отклонена ({ $admin }): { $reason }
ideas-mod-already = Идея №{ $id } уже обработана ({ $status }).
ideas-mod-decision = Решение: { $status } ({ $admin })
ideas-mod-decided = Решение: { $status }
ideas-mod-ask-reason = Почему отклонена идея №{ $id }? Выберите причину или напишите свою одним сообщением. Автор увидит причину.
ideas-mod-ask-answer = Напишите одним сообщением ответ автору идеи №{ $id } или /cancel.
ideas-mod-answer-hint = Пришлите ответ текстом; предел — { $max ->
        [one] { $max } символ
        [few] { $max } символа
       *[other] { $max } символов
    }.
ideas-mod-answer-saved = ✅ Сохранено. Автор идеи №{ $id } получил уведомление.
ideas-mod-cancelled = Ничего не изменено.

## Обзор для организаторов (/ideas) и выгрузка
ideas-admin-title = 🗂 <b>Всего идей: { $total }</b>. Выберите статус:
ideas-admin-all = Все ({ $count })
ideas-admin-status = { $status } ({ $count })
ideas-admin-categories = Статус: { $status }. Выберите категорию:
ideas-admin-all-categories = Все категории ({ $count })
ideas-admin-empty = Здесь идей нет.
ideas-admin-card =
    <b>№{ $id }</b> ({ $position } из { $total }) · { $status } · 👍 { $supports }
    { $category } · { $when }
    От: { $author }
ideas-admin-set-new = 🆕 Вернуть на проверку
ideas-admin-set-published = 📢 Опубликовать
ideas-admin-set-under-review = 🔍 Отметить: на рассмотрении
ideas-admin-set-accepted = ✅ Отметить: принята
ideas-admin-set-rejected = ❌ Отметить: отклонена
ideas-admin-answer = ✍️ Ответить автору
ideas-admin-changed = Идея №{ $id } теперь: { $status }. Автор и подписчики получат уведомление.
ideas-author-erased = (удалено)
ideas-export-csv = 📄 Идеи: { $count } (CSV, открывается в Excel)
ideas-export-geojson = 🗺 Идеи с местом: { $count } (GeoJSON для QGIS или geojson.io)
cmd-ideas = Идеи: проверка и выгрузка

## The form's name, as the shared form rules say it (src/ui/form/ask.ts)
ideas-form-title = Ваша идея
ideas-mod-form-title = Ответ по идее №{ $id }

## От предложения до решения: подписки, этапы, объединение, новости
ideas-status-in-progress = 🚧 в работе
ideas-status-done = 🏁 выполнена
ideas-status-merged = 🔗 объединена
ideas-admin-set-in-progress = 🚧 Отметить: в работе
ideas-admin-set-done = 🏁 Отметить: выполнена
ideas-admin-milestone = 🗓 Добавить этап
ideas-admin-merge = 🔗 Объединить с другой идеей
ideas-follow-button = 🔔 Следить
ideas-unfollow-button = 🔕 Не следить
ideas-followed = 🔔 Вы узнаете, что станет с этой идеей.
ideas-unfollowed = 🔕 Новостей об этой идее больше не будет.
ideas-milestones-title = 🗓 <i>Этапы:</i>
ideas-milestone-line = • { $date } — { $text }
ideas-merged-line = 🔗 Объединена с идеей №{ $id }.
ideas-update-status = 🔔 Идея №{ $id } «{ $excerpt }»: новый статус — { $status }.
ideas-update-answer = 💬 Организаторы ответили по идее №{ $id } «{ $excerpt }»: { $answer }
ideas-update-milestone = 🗓 У идеи №{ $id } «{ $excerpt }» новый этап: { $date } — { $text }
ideas-digest-title = 🗞 <b>Новости идей, за которыми вы следите</b>
ideas-digest-idea = <b>№{ $id }</b> «{ $excerpt }»
ideas-digest-status = • статус: { $status }
ideas-digest-answer = • ответ организаторов: { $answer }
ideas-digest-milestone = • этап: { $date } — { $text }
ideas-notify-merged = 🔗 Ваша идея №{ $id } «{ $excerpt }» повторяет идею №{ $into }, и организаторы их объединили. Её сторонники теперь поддерживают №{ $into }, а вы узнаете, что с ней станет.
ideas-mod-ask-milestone-date = 🗓 Этап идеи №{ $id }. Какого числа? Например, 2026-12-01 или 01.12.2026.
ideas-mod-milestone-date-hint = Пришлите дату, например 2026-12-01 или 01.12.2026.
ideas-mod-ask-milestone-text = Что произошло в этот день? Одним сообщением (например, «включена в техническое задание»); лимит символов: { $max }.
ideas-mod-milestone-saved = ✅ Этап добавлен к идее №{ $id }. Автор и подписчики получат уведомление.
ideas-mod-ask-merge = 🔗 Какую идею повторяет №{ $id }? Пришлите её номер. Поддержка и подписчики перейдут туда.
ideas-mod-merge-hint = Пришлите номер другой идеи, например 12.
ideas-mod-merged = ✅ Идея №{ $from } объединена с №{ $into }; теперь у №{ $into } поддержек: { $supports }. Автор №{ $from } получил уведомление.
ideas-mod-merge-refused = Идея №{ $id } сама объединена с другой: выберите ту, с которой её объединили.
ideas-browse-status = 🎚 Статус: { $status }
ideas-status-all = все

## Asked once, before the first one (src/ui/consent.ts)
ideas-consent =
    🔒 <b>Перед первой идеей</b>
    Вашу идею, её фото и место на карте смогут увидеть все пользователи бота вместе с вашим именем; организаторы видят и ваше имя в Telegram. Если вместо места вы отправите свою геопозицию, она тоже будет опубликована. Всё это хранится до удаления данных мероприятия (см. /privacy); /forget_me удалит раньше.
    Оператор персональных данных: { $controller }
