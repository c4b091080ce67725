"日本語"
"emoji 👍🏽 and more"
"é combining"
'é'
"tab	here"
x = "é#{y}ü"
z = "👍🏽#{y}"
