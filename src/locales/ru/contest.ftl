# Главный конкурс: правила, заявки, жюри и победитель. Факты о конкурсе берутся из файла события.
contest-none = На этом мероприятии конкурса нет.
contest-rules =
    🏆 <b>{ $title }</b>

    { $rules }

    🎁 <b>Приз:</b> { $prize }
contest-deadline-open = ⏰ <b>Приём заявок до:</b> { $deadline } ({ $relative })
contest-deadline-closed = 🔒 <b>Приём заявок закрыт</b> { $deadline }.
contest-hashtags = #️⃣ <b>{ $count ->
        [1] Хэштег
       *[other] Хэштеги
    }</b> (нажмите, чтобы скопировать): <code>{ $hashtags }</code>
contest-no-bot-scraping = Бот сам не открывает ваш пост: жюри посмотрит его по ссылке.
contest-submit = 📤 Отправить заявку
contest-edit = ✏️ Изменить заявку
contest-my-entry = 📄 Моя заявка
contest-closed = 🔒 Приём заявок закрыт: срок истёк { $deadline }.
contest-ask-link =
    Пришлите ссылку на ваш пост с сайта { $sites }.
    В приложении: ⋯ → Копировать ссылку. Она начинается с https://
contest-link-not-url = Это не похоже на ссылку. Откройте пост, нажмите ⋯ → Копировать ссылку и пришлите её сюда.
contest-link-not-https = Ссылка должна начинаться с https://
contest-link-host = Эта ссылка не с разрешённого сайта. Разрешены: { $hosts }.
contest-link-not-post = Похоже, это профиль или страница, а не отдельный пост. Откройте сам пост и скопируйте его ссылку.
contest-ask-idea = Опишите вашу идею для города в нескольких предложениях ({ $min }–{ $max ->
        [one] { $max } символ
        [few] { $max } символа
       *[other] { $max } символов
    }).
# After the file's own entry question (contest.entryQuestion).
contest-text-limits = ({ $min }–{ $max ->
        [one] { $max } символ
        [few] { $max } символа
       *[other] { $max } символов
    }).
contest-idea-too-short = Слишком коротко: напишите хотя бы { $min ->
        [one] { $min } символ
        [few] { $min } символа
       *[other] { $min } символов
    }.
contest-idea-too-long = Слишком длинно: { $length ->
        [one] { $length } символ
        [few] { $length } символа
       *[other] { $length } символов
    }, а можно не больше { $max }.
contest-ask-photo = Пришлите скриншот поста или саму фотографию (как фото, а не файлом).
contest-photo-expected = Пожалуйста, пришлите фотографию (не файл и не стикер).
contest-text-expected = Пожалуйста, пришлите здесь текст.
contest-keep = ↩️ Оставить как есть
contest-cancelled = Отменено. Ваша заявка не изменилась.
# A first entry left with /cancel: there was none to keep.
contest-cancelled-new = Отменено. Заявка не отправлена, ничего не сохранено.
contest-saved = ✅ Заявка сохранена. Её можно изменить до { $deadline }.
contest-entry =
    📄 <b>Ваша заявка</b>
    🔗 { $link }
    💡 { $idea }
    📷 Фото получено.

    <b>Статус:</b> { $status }
contest-no-entry = Вы ещё не участвуете в конкурсе.
contest-status-submitted = принята, жюри её рассмотрит
contest-status-shortlisted = ⭐ в коротком списке жюри
contest-status-winner = 🏆 победитель!
contest-status-runner-up = 🥈 призёр

## Жюри
contest-entries-empty = Заявок пока нет.
contest-ranking-title = 📊 <b>Рейтинг</b> — { $count ->
        [one] { $count } заявка
        [few] { $count } заявки
       *[other] { $count } заявок
    }, по средней оценке
contest-ranking-line = { $place }. { $mark }{ $name } — { $scores ->
        [0] оценок пока нет
       *[other] { $average } (оценок: { $scores })
    }
contest-card =
    <b>{ $place }.</b> { $mark }{ $name }
    🔗 { $link }
    💡 { $idea }

    📊 { $scores ->
        [0] Оценок пока нет
       *[other] Средняя: { $average } (оценок: { $scores }, членов жюри: { $jurors })
    }
contest-card-criterion = { $marker } { $criterion } — ваша оценка: { $score }
contest-shortlisted = ⭐ в коротком списке
contest-shortlist-add = ⭐ В короткий список
contest-shortlist-remove = ☆ Убрать из короткого списка
contest-scored = Сохранено: { $criterion } — { $score }
contest-shortlist-on = Добавлено в короткий список.
contest-shortlist-off = Убрано из короткого списка.
contest-card-own = 🙋 Это ваша заявка: её оценивают другие члены жюри.
contest-own-entry = Свою заявку нельзя оценить или добавить в короткий список.
contest-entry-gone = Этой заявки больше нет.
contest-entries-more = ⬇️ Ещё ({ $shown } из { $total })

## Победитель
contest-winner-choose = 🏆 <b>Выберите победителя</b> (по рейтингу):
contest-winner-draft =
    🏆 Победитель: <b>{ $winner }</b>
    🥈 Призёры: { $runners }

    Нажимайте на заявки ниже, чтобы добавить или убрать призёров, затем посмотрите объявление.
contest-winner-none = нет
contest-winner-preview-button = 👁 Предпросмотр
contest-winner-change = ⬅️ Выбрать другого победителя
contest-winner-preview-header = 👁 Предпросмотр { $language ->
        [kk] на казахском
        [en] на английском
       *[ru] на русском
    }:
contest-winner-confirm-question = Отправить это объявление всем, кто запускал бота, и поздравить победителя?
contest-winner-send = ✅ Отправить всем
contest-winner-sent = ✅ Готово: победитель поздравлен, объявление уходит { $count ->
        [one] { $count } пользователю
       *[other] { $count } пользователям
    }.
contest-winner-already =
    ℹ️ Объявление уже отправлено { $at }. Дважды его отправить нельзя. Вот оно:

    { $text }
contest-winner-stale = Этот выбор устарел: выполните /winner ещё раз.
contest-winner-early = ⚠️ Приём заявок ещё открыт до { $deadline }: после объявления новые заявки уже не будут участвовать. Всё равно выбрать победителя сейчас?
contest-winner-anyway = ▶️ Всё равно выбрать
contest-winner-cancel = ❌ Отмена
contest-winner-cancelled = Победитель не выбран, ничего не отправлено.
contest-announcement =
    🏆 <b>{ $title }</b>: победитель — <b>{ $winner }</b>!

    💡 { $idea }
    🔗 { $link }

    🎁 Приз: { $prize }. Спасибо всем участникам!
contest-announcement-runners = 🥈 Призёры: { $names }
contest-erased = (данные удалены)
contest-congratulation = 🎉 Поздравляем, { $name }! Жюри выбрало вашу заявку победителем конкурса «{ $title }». Приз: { $prize }. Организаторы свяжутся с вами.

## Описания команд в меню
cmd-entries = Заявки конкурса (жюри)
cmd-winner = Объявить победителя конкурса

## The form's name, as the shared form rules say it (src/ui/form/ask.ts)
contest-form-title = Заявка на конкурс

## Asked once, before the first one (src/ui/consent.ts)
contest-consent =
    🔒 <b>Перед заявкой</b>
    Ваша заявка (ссылка на пост, { $entry ->
        [own] текст
       *[idea] идея
    } и фото) хранится вместе с вашим именем и именем пользователя в Telegram для жюри и организаторов; имя победителя и его заявка будут объявлены. Всё это хранится до удаления данных мероприятия (см. /privacy); /forget_me удалит раньше.
    Оператор персональных данных: { $controller }
