from omdome.cli import main

raise SystemExit(main())
