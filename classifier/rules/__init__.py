"""Rule checks that need no model: timetable limits and content red flags."""
