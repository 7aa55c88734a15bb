window.YTD.tweets.part0 = [
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1790000000000000001"
          ],
          "editable" : "false"
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "id_str" : "1790000000000000001",
      "full_text" : "We are thrilled to announce our summer festival lineup &amp; ticket dates! Tickets go on sale Friday.",
      "lang" : "und",
      "created_at" : "Wed May 01 09:12:44 +0000 2024"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1790000000000000002"
          ],
          "editable" : "false"
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "id_str" : "1790000000000000002",
      "full_text" : "Thanks for sharing!",
      "lang" : "und",
      "created_at" : "Wed May 01 10:03:10 +0000 2024",
      "in_reply_to_status_id_str" : "1789999999999999999"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1790000000000000003"
          ],
          "editable" : "false"
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "id_str" : "1790000000000000003",
      "full_text" : "Wij zijn verheugd om onze toonaangevende app te presenteren.",
      "lang" : "und",
      "created_at" : "Thu May 02 14:30:00 +0000 2024"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1790000000000000004"
          ],
          "editable" : "false"
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "id_str" : "1790000000000000004",
      "full_text" : "Merci ! 🙏",
      "lang" : "und",
      "created_at" : "Fri Jun 07 08:45:12 +0000 2024",
      "in_reply_to_status_id_str" : "1790000000000000100"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1790000000000000005"
          ],
          "editable" : "false"
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "id_str" : "1790000000000000005",
      "full_text" : "Doors open at 18:00 on Saturday, see you at the park!",
      "lang" : "und",
      "created_at" : "Mon Jun 10 16:20:05 +0000 2024"
    }
  }
]
