"""The suite's XBlocks: video pill and DigComp self-assessment."""
