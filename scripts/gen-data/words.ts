/**
 * Word lists for made-up titles and names. Plain ASCII, no commas or quotes,
 * so generated CSV never needs quoting.
 */

export const ADJECTIVES = [
  'Silent', 'Broken', 'Golden', 'Hidden', 'Last', 'Crimson', 'Distant', 'Electric', 'Frozen', 'Wild',
  'Lonely', 'Bright', 'Dark', 'Endless', 'Fallen', 'Gentle', 'Hollow', 'Iron', 'Lost', 'Midnight',
  'Neon', 'Northern', 'Paper', 'Quiet', 'Restless', 'Scarlet', 'Secret', 'Shattered', 'Silver', 'Stolen',
  'Summer', 'Winter', 'Velvet', 'Wicked', 'Burning', 'Cold', 'Crooked', 'Dusty', 'Empty', 'Faded',
  'Final', 'Glass', 'Howling', 'Lucky', 'Lunar', 'Mad', 'Marble', 'Painted', 'Perfect', 'Purple',
  'Rusty', 'Sacred', 'Savage', 'Sleeping', 'Southern', 'Strange', 'Sweet', 'Tender', 'Twisted', 'Violet',
  'Western', 'Hungry', 'Little', 'Long', 'Blue', 'Green', 'Black', 'White', 'Red', 'Falling',
] as const;

export const NOUNS = [
  'Harbor', 'River', 'Empire', 'Garden', 'Highway', 'Horizon', 'Island', 'Kingdom', 'Machine', 'Mirror',
  'Mountain', 'Ocean', 'Orchard', 'Palace', 'Planet', 'Prophet', 'Shadow', 'Signal', 'Storm', 'Stranger',
  'Sunset', 'Thunder', 'Valley', 'Voyage', 'Warrior', 'Witness', 'Wolf', 'Lantern', 'Letter', 'Lighthouse',
  'Circus', 'City', 'Coast', 'Crown', 'Desert', 'Dream', 'Engine', 'Forest', 'Frontier', 'Ghost',
  'Heart', 'Hunter', 'Journey', 'Legacy', 'Memory', 'Moon', 'Night', 'Outlaw', 'Promise', 'Rebel',
  'Road', 'Secret', 'Sky', 'Spirit', 'Station', 'Summer', 'Tide', 'Tower', 'Town', 'Train',
  'Bridge', 'Canyon', 'Echo', 'Fire', 'Flower', 'Game', 'Hotel', 'House', 'Light', 'Rain',
] as const;

export const PLURAL_NOUNS = [
  'Foxes', 'Lights', 'Rivers', 'Wolves', 'Kings', 'Sparrows', 'Ghosts', 'Strangers', 'Machines', 'Tides',
  'Lanterns', 'Drifters', 'Echoes', 'Pilots', 'Saints', 'Thieves', 'Rebels', 'Comets', 'Mirrors', 'Ravens',
  'Satellites', 'Horses', 'Brothers', 'Sisters', 'Giants', 'Hearts', 'Owls', 'Tigers', 'Waves', 'Dreamers',
] as const;

export const FIRST_NAMES = [
  'Ava', 'Ben', 'Cleo', 'Dan', 'Ella', 'Finn', 'Gia', 'Hugo', 'Iris', 'Jack',
  'Kai', 'Lena', 'Milo', 'Nina', 'Omar', 'Pia', 'Quinn', 'Rosa', 'Sam', 'Tess',
  'Uma', 'Vic', 'Will', 'Xena', 'Yara', 'Zane', 'Luna', 'Leo', 'Mia', 'Noah',
] as const;

export const LAST_NAMES = [
  'Ray', 'Stone', 'Vale', 'Frost', 'Reyes', 'Cole', 'Hart', 'Lane', 'Moss', 'Nash',
  'Park', 'Quill', 'Rivers', 'Snow', 'Tate', 'Voss', 'West', 'Young', 'Blake', 'Cruz',
  'Diaz', 'Ellis', 'Fox', 'Gray', 'Hale', 'Ives', 'Jade', 'King', 'Lowe', 'Marsh',
] as const;

/** Small words that make song titles read like song titles. */
export const SONG_OPENERS = [
  'Love', 'Lost in', 'Dancing in', 'Waiting for', 'Back to', 'Into the', 'Under the', 'All the', 'Chasing',
  'Running from', 'Only', 'Forever', 'Hold the', 'Call of the', 'Song for the', 'Ballad of the', 'Beyond the',
  'Kiss the', 'Ride the', 'Dreaming of',
] as const;
