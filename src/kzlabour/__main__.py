from kzlabour.cli import main

raise SystemExit(main())
