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
