# "Forget me": a user deletes their own personal data.
privacy-ask =
    🔒 <b>Delete my data</b>
    This deletes { $items }.
    This cannot be undone. Delete everything?
# What /forget_me deletes: each only where some event of the series has it (registration first).
privacy-deletes-registration = your registration (your seat goes to the next person on the waiting list)
privacy-deletes-form = a form you have not finished
privacy-deletes-ideas = your name on your ideas (the ideas stay, anonymously)
privacy-deletes-contest = your contest entry and your name in the winner announcement
privacy-deletes-quiz = your quiz answers
privacy-deletes-feedback = your answers to the survey after the event
privacy-deletes-profile = your profile in this bot
privacy-confirm = 🗑 Yes, delete my data
privacy-keep = ↩️ No, keep it
privacy-kept = Nothing was deleted.
privacy-done = ✅ Your data is deleted. If you write to me again, I will start from scratch.
# /stats: when the retention job erases the event's personal data (privacy.retainFor after the end).
privacy-retention-stats = 🔒 Personal data of this event ({ $kinds }) will be deleted on { $date }.
# The kinds of personal data in privacy-retention-stats: contest links and idea authors only where the event has them.
privacy-data-names = names
privacy-data-contacts = contacts
privacy-data-contest = contest links
privacy-data-ideas = idea authors' names
privacy-retention-done = 🔒 Personal data of this event was deleted on { $date }; the counts stay.

## /privacy: what is stored, why, for how long, and who is responsible.
privacy-screen =
    🔒 <b>Your personal data in this bot</b>

    <b>What is stored about you now</b>
    { $stored }

    <b>Why</b>
    So that we can { $purposes }. Nothing is asked before you agree to the consent text.

    <b>Where</b>
    In the bot's database on the organisers' server. The organisers see the guest list; every export of it is recorded with who made it and when.

    <b>For how long</b>
    Until { $until }: { $retain } after the event ends, then it is deleted. Send /forget_me to delete everything now.

    Data controller: { $controller }{ $known ->
        [yes]
            {""}
            Contact: { $contact }
       *[no] {""}
    }
# /privacy's purposes: each only where some event of the series runs it (registration first).
privacy-why-register = register you and check you in at the entrance
privacy-why-news = send you news and reminders about the event in your language
privacy-why-contest = run the contest
privacy-why-quiz = run the quiz
privacy-why-ideas = collect ideas for the city
privacy-why-feedback = ask how the event went
privacy-why-answer = answer you
privacy-stored-profile = • Your Telegram profile (first name, username, language): { $state }
privacy-stored-registration = • Registration: { $fields }; consent given { $at } (version { $version }, { $language })
privacy-stored-registration-none = • Registration: none
privacy-stored-ideas = • Ideas: { $count } (text, category, photo, map pin, your name as the author)
privacy-stored-contest = • Contest entry: { $state } (link, { $entry ->
        [own] text
       *[idea] idea
    }, photo, your name)
privacy-stored-quiz = • Quiz answers: { $count }
privacy-stored-language = • Your language choice: { $state }
privacy-yes = yes
privacy-no = none
privacy-field-name = name
privacy-field-answers = { $count ->
        [one] answers to { $count } question
       *[other] answers to { $count } questions
    }
privacy-field-companions = { $count ->
        [one] the name of the person you bring
       *[other] the names of the { $count } people you bring
    }
privacy-field-ticket = status, ticket code, dates
privacy-duration = { $unit ->
        [d] { $count ->
            [one] { $count } day
           *[other] { $count } days
        }
        [h] { $count ->
            [one] { $count } hour
           *[other] { $count } hours
        }
       *[m] { $count ->
            [one] { $count } minute
           *[other] { $count } minutes
        }
    }
cmd-privacy = My data: what is stored and why
