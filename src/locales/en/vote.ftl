# A vote on a shortlist of ideas (English)

cmd-vote = Vote on a shortlist of ideas

## The ballot
vote-ballot-title = 🗳 <b>Vote on the best ideas</b>
vote-ballot-rules = Votes per person: { $max }. Tick the ideas you support with the buttons below; you can change your choice until { $closes }.
vote-ballot-live = Results are live: the counts refresh each time you tap.
vote-ballot-at-close = The results are announced when the vote closes.
vote-ballot-line = <b>#{ $id }</b> { $text }
vote-ballot-line-count = <b>#{ $id }</b> { $text } — { $count ->
        [one] { $count } vote
       *[other] { $count } votes
    }
vote-ballot-chosen = Your choice: { $count } of { $max }.
vote-ballot-closed = The vote is closed.
vote-toast-added = ✅ Vote counted: { $count } of { $max }
vote-toast-removed = Vote withdrawn: { $count } of { $max }
vote-toast-full = You have used all your votes ({ $max }): untick another idea first.
vote-toast-closed = The vote is closed.
vote-toast-checked-in-only = Only guests checked in at the event can vote.
vote-toast-not-eligible = Only the people the bot sent this vote to can vote.

## Results
vote-results-title = 🗳 <b>Vote results</b> · voted: { $count }
vote-results-line = { $place }. <b>#{ $id }</b> { $text } — { $count ->
        [one] { $count } vote
       *[other] { $count } votes
    }
vote-csv-caption = Vote results, no. { $number } (CSV)

## Setting up a vote (organisers)
vote-form-title = Vote
vote-cancelled = The vote was not started.
vote-no-ideas = A vote needs at least 2 published ideas; published now: { $count }.
vote-idea-line = <b>#{ $id }</b> { $text }
vote-ask-ideas = Which ideas go on the shortlist? Send the numbers of 2 to 12 published ideas, separated by commas, e.g. <code>12, 15, 21</code>.

    Published ideas:
    { $list }
vote-ideas-format = Send idea numbers separated by commas, e.g. 12, 15, 21.
vote-ideas-count = Ideas on the shortlist: from { $min } to { $max }. You sent: { $count }.
vote-ideas-missing = These numbers are not published ideas: { $ids }. Check them and send the list again.
vote-ask-max = How many votes does each person have? (at most { $total })
vote-max-field = Votes per person
vote-ask-electorate = Who may vote?
vote-electorate-all = Everyone who started the bot ({ $count })
vote-electorate-checked-in = Guests checked in at the door ({ $count })
vote-electorate-field = Who votes
vote-ask-closes = When does the vote close? A time in { $zone } (<code>{ $example }</code>, or <code>HH:mm</code> today) or a duration such as <code>2h</code> or <code>90m</code>.
vote-closes-format = I could not read the time. Write, for example, <code>{ $example }</code>, <code>18:30</code> or <code>2h</code>.
vote-closes-past = That moment has passed: give a later time.
vote-closes-far = A vote can stay open for 30 days at most: give an earlier time.
vote-ask-results = When do voters see the counts?
vote-results-live = Live, while they vote
vote-results-at-close = Only at the close
vote-results-field = Results
vote-who-all = everyone who started the bot
vote-who-checked-in = guests checked in at the door
vote-mode-live = live
vote-mode-close = at the close
vote-preview =
    <b>Above: the ballot as voters will get it.</b>
    Ideas: { $total } · votes per person: { $max } · who votes: { $who } · closes: { $closes } · results: { $mode }
vote-start-button = ▶️ Start the vote
vote-opened-meanwhile = Another vote was opened meanwhile: /vote shows it.
vote-nobody = Nobody could vote: nobody is in the group you chose.
vote-started = ✅ Vote no. { $number } is open: the ballot is going out, recipients: { $count }. It closes { $closes }.

## The open vote (organisers)
vote-open-title = 🗳 <b>Vote no. { $number } is open</b>, it closes { $closes }.
vote-open-summary = Voted: { $count } (may vote: { $total }) · votes per person: { $max }
vote-mode-live-line = Voters see the counts live.
vote-mode-close-line = Voters see the counts at the close.
vote-close-button = ⏹ Close now
vote-already-closed = This vote is already closed.
vote-closed-now = ⏹ The vote is closed. The results are going to the voters ({ $count }) and the organisers.
