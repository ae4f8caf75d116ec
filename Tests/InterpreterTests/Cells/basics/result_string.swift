// A String result is its description, without quotes.
let words = ["attention", "is", "all"]
words.joined(separator: " ") // expect result: attention is all
