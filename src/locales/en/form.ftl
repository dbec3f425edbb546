# Every form (registration, ideas, contest entry, broadcasts): the shared rules, src/ui/form/ask.ts.
form-step = <b>Step { $number } of { $total }.</b>
form-cancel = ❌ Cancel
form-chosen = { $choice } ✓
form-menu-offer = What next?
form-saved = ✓ Saved.
form-other-command = ✋ You are filling in “{ $form }”: answer the question below, or send /cancel to stop.
form-too-long = That is too long ({ $length ->
        [one] { $length } character
       *[other] { $length } characters
    }). At most { $max ->
        [one] { $max } character
       *[other] { $max } characters
    } here.
form-too-many = “{ $form }” stopped after too many wrong answers; nothing was saved. You can start again from the menu.
form-use-buttons = Please choose one of the buttons.
form-text-expected = I need text here, not a picture or a sticker. Please type your answer.
