/**
 * Common English diminutives of given names, so that "Mike Pompeo" and "Michael Pompeo" can be one person.
 * Team-written from general knowledge of English naming (no list was copied). Only a formal name and one of
 * its diminutives match: "Chris" matches "Christopher" and "Christine", but those two never match each other.
 */
const TABLE: Readonly<Record<string, readonly string[]>> = {
  abigail: ['abby', 'abbie'],
  alexander: ['alex', 'sasha'],
  alexandra: ['alex', 'sasha', 'sandra'],
  andrew: ['andy', 'drew'],
  anthony: ['tony'],
  benjamin: ['ben', 'benny'],
  catherine: ['cathy', 'kate', 'katie'],
  charles: ['charlie', 'chuck'],
  christina: ['chris', 'tina'],
  christine: ['chris', 'tina'],
  christopher: ['chris'],
  daniel: ['dan', 'danny'],
  david: ['dave'],
  deborah: ['deb', 'debbie'],
  donald: ['don'],
  edward: ['ed', 'eddie', 'ted', 'ned'],
  elizabeth: ['liz', 'beth', 'betsy', 'eliza', 'lizzie'],
  frederick: ['fred', 'freddie'],
  gerald: ['jerry'],
  gregory: ['greg'],
  james: ['jim', 'jimmy', 'jamie'],
  jennifer: ['jen', 'jenny'],
  john: ['jack', 'johnny'],
  jonathan: ['jon'],
  joseph: ['joe', 'joey'],
  joshua: ['josh'],
  katherine: ['kate', 'katie', 'kathy'],
  kathryn: ['kate', 'katie', 'kathy'],
  kenneth: ['ken', 'kenny'],
  lawrence: ['larry'],
  margaret: ['maggie', 'meg', 'peggy'],
  matthew: ['matt'],
  michael: ['mike', 'mick', 'mikey'],
  nicholas: ['nick'],
  patricia: ['pat', 'patty', 'trish'],
  patrick: ['pat'],
  peter: ['pete'],
  raymond: ['ray'],
  rebecca: ['becky', 'becca'],
  richard: ['rick', 'rich', 'dick'],
  robert: ['rob', 'bob', 'bobby', 'robbie'],
  ronald: ['ron'],
  samantha: ['sam'],
  samuel: ['sam'],
  stephen: ['steve'],
  steven: ['steve'],
  susan: ['sue', 'suzy'],
  theodore: ['ted', 'teddy', 'theo'],
  thomas: ['tom', 'tommy'],
  timothy: ['tim'],
  victoria: ['vicky', 'tori'],
  william: ['bill', 'will', 'billy', 'liam'],
  zachary: ['zach'],
};

/** Formal name → its diminutives, and each diminutive → the formal names it shortens. */
export const NICKNAMES: ReadonlyMap<string, ReadonlySet<string>> = (() => {
  const map = new Map<string, Set<string>>();
  const add = (a: string, b: string) => {
    let set = map.get(a);
    if (!set) map.set(a, (set = new Set()));
    set.add(b);
  };
  for (const [formal, short] of Object.entries(TABLE)) {
    for (const s of short) {
      add(formal, s);
      add(s, formal);
    }
  }
  return map;
})();
