{
  "targets": [
    {
      "target_name": "policy_tagger",
      "sources": ["tagger.cc"],
      "cflags_cc": ["-O3", "-std=c++17"],
      "cflags_cc!": ["-O2"],
      "xcode_settings": { "OTHER_CPLUSPLUSFLAGS": ["-O3", "-std=c++17"] }
    }
  ]
}
