"""What German press law asks of a newsroom: counter-statements
(Gegendarstellungen) and Press Council decisions, on time and in the right
place (README, "Press law")."""
