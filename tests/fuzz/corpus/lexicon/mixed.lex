# a user lexicon as docs/lexicon.md describes it
agency  | MOFCOM | CN | Ministry of Commerce; commerce ministry; China's commerce ministry
company | AMD    | US | Advanced Micro Devices
chip    | B30A   | US |
company | Hefei Zhonghe Microelectronics | - | Hefei Zhonghe; Zhonghe
trigger | restricted | verb | ban; bans; banned; banning; added to the Entity List
trigger | restricted | noun | ban; bans; export controls
trigger | summoned | noun | meetings with
cue | hedge | might; may; could; plans to; considering
cue | break | which; while; but; because; ;; :
cue | legal | Co.; Ltd; Inc.
cue | its | its
