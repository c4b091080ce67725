fn do end
