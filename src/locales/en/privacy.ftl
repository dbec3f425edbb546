# "Forget me": a user deletes their own personal data.
privacy-ask =
    🔒 <b>Delete my data</b>
    This deletes your registration (your seat goes to the next person on the waiting list), a form you have not finished, your name on your ideas (the ideas stay, anonymously), your contest entry and your name in the winner announcement, your quiz answers and your profile in this bot.
    This cannot be undone. Delete everything?
privacy-confirm = 🗑 Yes, delete my data
privacy-keep = ↩️ No, keep it
privacy-kept = Nothing was deleted.
privacy-done = ✅ Your data is deleted. If you write to me again, I will start from scratch.
# /stats: when the retention job erases the event's personal data (privacy.retainFor after the end).
privacy-retention-stats = 🔒 Personal data of this event (names, contacts, contest links, authors' names) will be deleted on { $date }.
privacy-retention-done = 🔒 Personal data of this event was deleted on { $date }; the counts stay.

## /privacy: what is stored, why, for how long, and who is responsible.
privacy-screen =
    🔒 <b>Your personal data in this bot</b>

    <b>What is stored about you now</b>
    { $stored }

    <b>Why</b>
    To register you and check you in at the entrance, to send you news and reminders about the event in your language, to run the contest, the quiz and the ideas for the city, and to answer you. Nothing is asked before you agree to the consent text.

    <b>Where</b>
    In the bot's database on the organisers' server. The organisers see the guest list; every export of it is recorded with who made it and when.

    <b>For how long</b>
    Until { $until }: { $retain } after the event ends, then it is deleted. Send /forget_me to delete everything now.

    Data controller: { $controller }
    Contact: { $contact }
privacy-stored-profile = • Your Telegram profile (first name, username, language): { $state }
privacy-stored-registration = • Registration: { $fields }; consent given { $at } (version { $version }, { $language })
privacy-stored-registration-none = • Registration: none
privacy-stored-ideas = • Ideas: { $count } (text, category, photo, map pin, your name as the author)
privacy-stored-contest = • Contest entry: { $state } (link, idea, photo, your name)
privacy-stored-quiz = • Quiz answers: { $count }
privacy-stored-language = • Your language choice: { $state }
privacy-yes = yes
privacy-no = none
privacy-field-name = name
privacy-field-answers = { $count ->
        [one] answers to { $count } question
       *[other] answers to { $count } questions
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
